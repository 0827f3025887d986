"""In a real Chromium: a press of play is counted once, and plain HTTP says it cannot record."""

from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.factories import PASSWORD, make_user
from trainer.content.build import build
from trainer.services.listening.plays import plays_in
from trainer.speech.stage import audio_stage

pytestmark = pytest.mark.browser


@pytest.fixture
def app(make_app, content, tmp_path):
    out = tmp_path / "built"
    build(content, out, [audio_stage({"CONTENT_DIR": str(content), "SPEECH_ENGINES": "espeak"})])
    return make_app(content, BUILD_DIR=str(out), PLAYS_WRITTEN_EVERY=0)  # each play at once


def test_pressing_a_speaker_button_sends_one_anonymous_play_count(phone, live_server, session):
    phone.goto(f"{live_server}/bai-hoc/mat-khau")
    speaker = phone.get_by_role("button", name="Nghe đọc bước 2, Giọng máy")

    with phone.expect_request(lambda request: "/nghe/dem/" in request.url) as counted:
        speaker.click()

    sent = counted.value
    assert sent.method == "POST"
    assert urlsplit(sent.url).path == "/nghe/dem/mat-khau/vi/2"
    assert sent.response().status == 204
    assert plays_in(session, "vi") == {("mat-khau", 2): 1}


def test_listen_mode_shows_who_reads_the_part_on_screen(phone, live_server):
    phone.goto(f"{live_server}/bai-hoc/mat-khau/nghe")

    expect(phone.locator(".part:visible .voice-who")).to_have_text("Giọng máy")
    phone.get_by_role("button", name="Phần sau").click()
    expect(phone.locator(".part:visible .voice-who")).to_have_text("Giọng máy")
    expect(phone.locator(".part:visible .step-number")).to_contain_text("Bước 1")


@pytest.fixture
def plain_http_page(browser, live_server):
    """A Chromium that reaches the server by a name, over plain HTTP: not a secure context,
    as a phone on the culture house's Wi-Fi sees the laptop."""
    port = urlsplit(live_server).port
    other = browser.browser_type.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=[*CHROMIUM_ARGS, "--host-resolver-rules=MAP nha-van-hoa.test 127.0.0.1"],
    )
    page = other.new_context(viewport={"width": 360, "height": 640}, locale="vi-VN").new_page()
    yield page, f"http://nha-van-hoa.test:{port}"
    other.close()


def sign_in(page, base: str, user) -> None:
    page.goto(f"{base}/dang-nhap")
    page.locator("#login").fill(user.login_name)
    page.locator("#password").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.locator("nav.account-link")).to_contain_text(user.full_name)


def test_over_plain_http_the_page_says_the_browser_cannot_record_and_offers_a_file(
    plain_http_page, session
):
    page, base = plain_http_page
    sign_in(page, base, make_user(session, "Hà Văn Tú", role="instructor"))

    page.goto(f"{base}/giong-doc/mat-khau/vi")

    expect(page.locator(".recorder-unavailable")).to_be_visible()
    expect(page.locator(".recorder-unavailable")).to_contain_text("https://")
    expect(page.get_by_role("button", name="Ghi âm bằng micro")).to_have_count(0)
    expect(page.locator("#phan-1 input[type=file]")).to_have_attribute("accept", "audio/*")


def test_on_this_computer_the_microphone_is_offered_instead(phone, live_server, session):
    sign_in(phone, live_server, make_user(session, "Hà Văn Tú", role="instructor"))

    phone.goto(f"{live_server}/giong-doc/mat-khau/vi")

    expect(phone.locator("#phan-1").get_by_role("button", name="Ghi âm bằng micro")).to_be_visible()
    expect(phone.locator(".recorder-unavailable")).to_be_hidden()


@pytest.mark.parametrize(
    "path", ["/giong-doc/", "/giong-doc/mat-khau/vi", "/giong-doc/goi-am-thanh/"]
)
def test_axe_finds_no_serious_problem_on_the_voice_pages(phone, live_server, session, path):
    sign_in(phone, live_server, make_user(session, "Quản Trị", role="admin"))
    phone.goto(live_server + path)

    found = Axe().run(phone).response["violations"]

    assert [v["id"] for v in found if v["impact"] in ("serious", "critical")] == []
