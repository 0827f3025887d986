"""A topic on the phone with no signal, in a real Chromium served on localhost (where
service workers run): download it, switch the network off, read, listen, log a visit."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from tests.factories import PASSWORD, make_team, make_user
from tests.services.visit_entries import certify
from trainer.models import LessonProgress, Visit, utcnow
from trainer.services.field import villages

pytestmark = pytest.mark.browser
UNITS = {"KB": 1024, "MB": 1024 * 1024}


@pytest.fixture
def app(make_app, content, tmp_path, build_with_voice):
    """The real app with pictures and audio built by the offline voice."""
    out = tmp_path / "built"
    build_with_voice(content, out)
    return make_app(content, BUILD_DIR=str(out))


@pytest.fixture
def member(session):
    """Lan, certified in an-toan a month ago, in a team that works in Bản Che Căn."""
    team = make_team(session)
    villages.add_village(session, team.id, "Bản Che Căn")
    lan = make_user(session, "Lò Thị Lan", "lan", team=team)
    certify(session, lan, at=utcnow() - timedelta(days=30))
    return lan


@pytest.fixture
def context(browser):
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="vi-VN")
    yield context
    context.close()


def sign_in(page, server: str, login: str = "lan") -> None:
    page.goto(f"{server}/dang-nhap")
    page.get_by_label("Tên đăng nhập hoặc số điện thoại").fill(login)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Lò Thị Lan")).to_be_visible()


def shown_bytes(button_text: str) -> float:
    """The size the download button says, in bytes: "Tải chủ đề về máy (240 KB)"."""
    number, unit = re.search(r"\(([\d,]+) (KB|MB)\)", button_text).groups()
    return float(number.replace(",", ".")) * UNITS[unit]


# Bytes the phone keeps for the topic: every response the download put in its cache.
STORED_BYTES = """caches.open("trainer-topic-an-toan").then(async (cache) => {
  let total = 0;
  for (const request of await cache.keys()) {
    total += (await (await cache.match(request)).blob()).size;
  }
  return total;
})"""


def download(page, server: str) -> tuple[float, int]:
    """Download the an-toan topic; (size the button said, bytes the phone stored)."""
    page.goto(f"{server}/chu-de/an-toan")
    button = page.locator("[data-download]")
    expect(button).to_be_enabled()
    expect(button).to_have_text(re.compile(r"Tải chủ đề về máy \([\d,]+ (KB|MB)\)"))
    said = shown_bytes(button.inner_text())
    button.click()
    expect(page.locator("[data-status]")).to_contain_text("Đã tải xong")
    return said, page.evaluate(STORED_BYTES)


def test_a_downloaded_topic_opens_with_pictures_and_audio_with_no_signal(
    context, live_server, member, app
):
    page = context.new_page()
    sign_in(page, live_server)

    said, fetched = download(page, live_server)

    assert abs(said - fetched) <= 0.1 * fetched
    # Installable: a service worker in charge of the site, and its manifest.
    assert page.evaluate("navigator.serviceWorker.ready.then(r => r.active.state)") == "activated"
    manifest = page.evaluate(
        "fetch(document.querySelector('link[rel=manifest]').href).then(r => r.json())"
    )
    assert (manifest["display"], len(manifest["icons"])) == ("standalone", 2)
    expect(page.locator("[data-downloaded]")).to_contain_text("An toàn trên mạng")
    expect(page.get_by_role("button", name="Xóa An toàn trên mạng khỏi máy")).to_be_visible()
    context.set_offline(True)
    for slug, title in (("mat-khau", "Mật khẩu an toàn"), ("lua-dao", "Nhận biết lừa đảo")):
        page.goto(f"{live_server}/bai-hoc/{slug}")
        expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
        for picture in page.locator("img.illustration").all():
            picture.scroll_into_view_if_needed()
            expect(picture).to_have_js_property("complete", True)
            assert picture.evaluate("img => img.naturalWidth") > 0
    page.goto(f"{live_server}/bai-hoc/mat-khau")
    speaker = page.get_by_role("button", name="Nghe đọc bước 1")
    speaker.click()
    expect(page.locator("a.speak.playing")).to_have_count(1)
    clip = speaker.get_attribute("href")
    part = page.evaluate(
        """async url => {
            const answer = await fetch(url, {headers: {Range: "bytes=10-109"}});
            const bytes = new Uint8Array(await answer.arrayBuffer());
            return [answer.status, answer.headers.get("Content-Range"), Array.from(bytes)];
        }""",
        clip,
    )
    whole = app.config["BUILD_DIR"] + "/audio/" + clip.rsplit("/", 1)[1]
    with open(whole, "rb") as file:
        data = file.read()
    assert part == [206, f"bytes 10-109/{len(data)}", list(data[10:110])]


def test_the_field_guide_comes_along_for_a_certified_member_and_other_pages_say_offline(
    context, live_server, member
):
    page = context.new_page()
    sign_in(page, live_server)
    download(page, live_server)
    context.set_offline(True)

    page.goto(f"{live_server}/so-tay/an-toan")
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        "Giúp bà con giữ an toàn trên mạng"
    )
    page.goto(f"{live_server}/chu-de/nong-nghiep")

    expect(page.get_by_role("heading", name="Đang không có mạng")).to_be_visible()
    expect(page.locator("[data-downloaded]")).to_contain_text("An toàn trên mạng")


def test_a_visit_logged_with_no_signal_reaches_the_server_once_back_online(
    context, live_server, member, session
):
    page = context.new_page()
    sign_in(page, live_server)
    download(page, live_server)
    context.set_offline(True)

    page.goto(f"{live_server}/cua-toi/nhat-ky")
    page.get_by_label("Số người dân được hướng dẫn").fill("4")
    page.get_by_label("Số hộ", exact=True).fill("2")
    page.get_by_label("An toàn trên mạng").check()
    page.get_by_label("Đổi sang mật khẩu an toàn", exact=True).check()
    page.get_by_role("button", name="Lưu buổi hướng dẫn").click()

    expect(page.get_by_role("status")).to_contain_text("Đã lưu trên máy 1 buổi")
    expect(page.locator("[data-waiting]")).to_contain_text("Bản Che Căn · 4 người, 2 hộ")
    assert session.scalar(sa.select(sa.func.count()).select_from(Visit)) == 0
    context.set_offline(False)
    expect(page.get_by_role("status")).to_contain_text("Đã gửi hết", timeout=15000)
    page.reload()
    expect(page.get_by_role("heading", name=re.compile("Quý này.*: 1 buổi"))).to_be_visible()

    (visit,) = session.scalars(sa.select(Visit)).all()
    assert (visit.user_id, visit.residents, visit.households) == (member.id, 4, 2)
    assert visit.outcomes == {"mat-khau-an-toan": 1}


def test_a_download_that_would_eat_the_free_space_reserve_is_refused(context, live_server):
    # The phone says 100 MB + 20 KB are free: any topic would leave less than the reserve.
    context.add_init_script(
        "navigator.storage.estimate = async () => ({quota: 100 * 1024 * 1024 + 20480, usage: 0});"
    )
    page = context.new_page()
    page.goto(f"{live_server}/chu-de/an-toan")
    expect(page.locator("[data-download]")).to_be_enabled()

    page.locator("[data-download]").click()

    expect(page.locator("[data-status]")).to_contain_text("Máy chỉ còn trống khoảng 100,0 MB")
    expect(page.locator("[data-status]")).to_contain_text("nên chưa tải")
    caches = page.evaluate("caches.keys()")
    assert not [name for name in caches if name.startswith("trainer-topic-")]


def test_a_download_cut_off_goes_on_where_it_stopped(context, live_server):
    page = context.new_page()
    page.goto(f"{live_server}/chu-de/an-toan")
    button = page.locator("[data-download]")
    expect(button).to_be_enabled()
    total = shown_bytes(button.inner_text())
    context.route("**/am-thanh/**", lambda route: route.abort("internetdisconnected"))

    button.click()
    expect(page.locator("[data-status]")).to_contain_text("Mất kết nối khi đang tải")
    first = int(page.locator("[data-offline-topic]").get_attribute("data-fetched"))
    context.unroute("**/am-thanh/**")
    expect(button).to_have_text("Tải tiếp")
    button.click()

    expect(page.locator("[data-status]")).to_contain_text("Đã tải xong")
    second = int(page.locator("[data-offline-topic]").get_attribute("data-fetched"))
    assert first > 0 and 0 < second < total
    assert abs(first + second - total) <= 0.1 * total


def test_on_plain_http_the_topic_page_explains_and_offers_the_handout(context, live_server):
    # 127.0.0.1 counts as secure; a laptop's Wi-Fi address does not. Same page, other host.
    page = context.new_page()
    page.add_init_script("Object.defineProperty(window, 'isSecureContext', {value: false});")
    page.goto(f"{live_server}/chu-de/an-toan")

    expect(page.get_by_text("hãy mở trang bằng địa chỉ an toàn")).to_be_visible()
    expect(page.get_by_role("link", name="MP3 loa truyền thanh").first).to_be_visible()
    expect(page.locator("[data-download]")).to_be_hidden()


QUEUED = """() => new Promise(resolve => {
    const opened = indexedDB.open("trainer-offline");
    opened.onsuccess = () => {
        const all = opened.result.transaction("queue").objectStore("queue").getAll();
        all.onsuccess = () => { opened.result.close(); resolve(all.result.map(i => i.body)); };
    };
})"""


def test_progress_read_with_no_signal_is_stored_once_back_online(
    context, live_server, member, session
):
    page = context.new_page()
    sign_in(page, live_server)
    download(page, live_server)
    context.set_offline(True)
    page.goto(f"{live_server}/bai-hoc/mat-khau")

    page.locator(".step").last.scroll_into_view_if_needed()
    page.wait_for_function(f"({QUEUED})().then(bodies => bodies.some(b => b.includes('step=2')))")
    context.set_offline(False)
    page.goto(f"{live_server}/chu-de/an-toan")  # back in coverage: the worker sends what it kept

    page.wait_for_function(f"({QUEUED})().then(bodies => bodies.length === 0)")
    steps = session.scalars(sa.select(LessonProgress.steps_reached)).all()
    assert steps == [2]


# Addresses the phone keeps in any cache, once the service worker has stored them.
CACHED = """caches.keys().then(async (names) => {
  const found = [];
  for (const name of names) {
    for (const request of await (await caches.open(name)).keys()) {
      found.push(new URL(request.url).pathname);
    }
  }
  return found;
})"""


def sign_out(page, server: str) -> None:
    page.goto(f"{server}/cua-toi")
    page.get_by_role("button", name="Đăng xuất").click()
    expect(page.get_by_text("Bạn đã đăng xuất.")).to_be_visible()


def test_signing_out_empties_the_phone_of_the_field_guide_the_visit_log_and_named_pages(
    context, live_server, member
):
    page = context.new_page()
    sign_in(page, live_server)
    download(page, live_server)
    before = page.evaluate(CACHED)
    assert {"/so-tay/an-toan", "/cua-toi/nhat-ky"} <= set(before)

    sign_out(page, live_server)

    after = page.evaluate(CACHED)
    assert "/so-tay/an-toan" not in after and "/cua-toi/nhat-ky" not in after
    assert not [path for path in after if path.startswith("/bai-hoc/")]
    assert any(path.startswith("/media/") for path in after)  # pictures are nobody's own
    context.set_offline(True)
    page.goto(f"{live_server}/so-tay/an-toan")
    expect(page.get_by_role("heading", name="Đang không có mạng")).to_be_visible()
    expect(page.get_by_text("Lò Thị Lan")).to_have_count(0)


def test_a_visit_kept_offline_is_never_sent_as_another_account(
    context, live_server, member, session
):
    other = make_user(session, "Cà Văn Sơn", "son", team=member.team)
    page = context.new_page()
    sign_in(page, live_server)
    download(page, live_server)
    context.set_offline(True)
    page.goto(f"{live_server}/cua-toi/nhat-ky")
    page.get_by_label("Số người dân được hướng dẫn").fill("4")
    page.get_by_label("Số hộ", exact=True).fill("2")
    page.get_by_label("An toàn trên mạng").check()
    page.get_by_role("button", name="Lưu buổi hướng dẫn").click()
    expect(page.get_by_role("status")).to_contain_text("Đã lưu trên máy 1 buổi")
    page.context.clear_cookies()  # Lan's session ends without a word to the phone
    context.set_offline(False)
    page.goto(f"{live_server}/dang-nhap")
    page.get_by_label("Tên đăng nhập hoặc số điện thoại").fill(other.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Cà Văn Sơn")).to_be_visible()

    page.goto(f"{live_server}/cua-toi/nhat-ky")

    expect(page.get_by_role("status")).to_contain_text("Đã bỏ 1 lần ghi của tài khoản khác")
    assert session.scalar(sa.select(sa.func.count()).select_from(Visit)) == 0
