"""The first screen of a phone shows the lesson: a compact header whose search and display
settings open in place, working without JavaScript; targets a finger can hit."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.factories import PASSWORD, make_user
from tests.web.layout import open_every_panel

pytestmark = pytest.mark.browser


@pytest.fixture
def app(make_app, content, voiced_test_content):
    """The test lessons with audio, so the lesson shows its listening bar as it really does."""
    return make_app(content, BUILD_DIR=str(voiced_test_content))


@pytest.fixture
def phone_at(browser, live_server):
    """phone_at(size, javascript=True): a 360 × 640 page with that text size already chosen."""
    contexts = []

    def open_phone(size: int, javascript: bool = True):
        context = browser.new_context(
            viewport={"width": 360, "height": 640}, locale="vi-VN", java_script_enabled=javascript
        )
        context.add_cookies([{"name": "hien_thi", "value": f"{size}-thuong", "url": live_server}])
        contexts.append(context)
        return context.new_page()

    yield open_phone
    for context in contexts:
        context.close()


def box(page, selector: str) -> dict:
    return page.locator(selector).first.bounding_box()


def test_a_lessons_title_and_first_step_heading_are_on_a_phones_first_screen(phone_at, live_server):
    page = phone_at(0)
    page.goto(f"{live_server}/bai-hoc/mat-khau")
    page.locator(".speed").wait_for()  # narration.js has shown the reading speeds

    title, first_step = box(page, "article h1"), box(page, ".step h2")

    assert title["y"] + title["height"] <= 640
    assert first_step["y"] + first_step["height"] <= 640


def test_the_header_takes_less_than_a_fifth_of_the_screen(phone_at, live_server):
    page = phone_at(0)
    page.goto(live_server)

    assert box(page, "header.site")["height"] <= 640 / 5


def test_at_the_largest_text_size_the_lessons_title_is_on_the_first_screen(phone_at, live_server):
    page = phone_at(4)
    page.goto(f"{live_server}/bai-hoc/mat-khau")

    title = box(page, "article h1")

    assert page.evaluate("getComputedStyle(document.querySelector('.step-text p')).fontSize") == (
        "40px"
    )
    assert title["y"] + title["height"] <= 640


def test_search_opens_in_place_and_finds_a_lesson_without_javascript(phone_at, live_server):
    page = phone_at(0, javascript=False)
    page.goto(f"{live_server}/bai-hoc/lua-dao")
    search = page.get_by_role("searchbox", name="Tìm bài học")
    assert not search.is_visible()

    page.locator("summary", has_text="Tìm bài").click()
    search.fill("mat khau")
    search.press("Enter")

    page.wait_for_url("**/tim-kiem?q=mat+khau")
    assert page.get_by_role("link", name="Mật khẩu an toàn").first.is_visible()


def test_display_settings_open_in_place_and_stay_open_after_a_change(phone_at, live_server):
    page = phone_at(0, javascript=False)
    page.goto(f"{live_server}/bai-hoc/mat-khau")
    bigger = page.get_by_role("link", name="A+ (chữ to hơn)")
    assert not bigger.is_visible()

    page.locator("summary", has_text="Cỡ chữ").click()
    bigger.click()
    page.wait_for_url("**/bai-hoc/mat-khau#hien-thi")

    assert bigger.is_visible()  # still open: A+ can be pressed again at once
    assert page.evaluate("document.documentElement.className") == "chu-1"
    assert page.evaluate("scrollY") == 0


def test_language_buttons_say_the_language_in_vietnamese_too(phone_at, live_server):
    page = phone_at(0)
    page.goto(f"{live_server}/bai-hoc/mat-khau")

    button = page.get_by_role("link", name="Hmoob · H'Mông")

    assert button.is_visible()
    assert box(page, ".languages a[hreflang=hmn]")["height"] >= 44


def test_the_remember_me_box_is_tapped_anywhere_on_its_44_px_row(phone_at, live_server):
    page = phone_at(0)
    page.goto(f"{live_server}/dang-nhap")
    remember = page.get_by_role("checkbox", name="Ghi nhớ trên điện thoại này")
    row = page.locator("label.check").bounding_box()
    assert remember.is_checked()

    page.mouse.click(row["x"] + row["width"] - 2, row["y"] + 2)  # the row's far corner

    assert row["height"] >= 44 and row["width"] >= 44
    assert not remember.is_checked()


def test_the_csv_import_choices_are_44_px_targets(phone_at, live_server, session):
    make_user(session, "Quản trị An", "quantri", role="admin")
    page = phone_at(0)
    page.goto(f"{live_server}/dang-nhap")
    page.get_by_label("Tên đăng nhập hoặc số điện thoại").fill("quantri")
    page.get_by_label("Mật khẩu", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda url: "/dang-nhap" not in url)
    page.goto(f"{live_server}/quan-tri/nhap")

    rows = page.locator("label.check")
    heights = [rows.nth(i).bounding_box()["height"] for i in range(rows.count())]
    second = rows.nth(1).bounding_box()
    page.mouse.click(second["x"] + second["width"] - 2, second["y"] + second["height"] - 2)

    assert len(heights) == 2 and min(heights) >= 44
    assert page.get_by_role("radio").nth(1).is_checked()


@pytest.mark.parametrize("colours", ["thuong", "cao"])
def test_axe_finds_no_serious_problem_with_the_header_open(browser, live_server, colours):
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="vi-VN")
    context.add_cookies([{"name": "hien_thi", "value": f"0-{colours}", "url": live_server}])
    page = context.new_page()
    page.goto(f"{live_server}/bai-hoc/mat-khau")
    open_every_panel(page)

    found = Axe().run(page).response["violations"]

    context.close()
    assert [v["id"] for v in found if v["impact"] in ("serious", "critical")] == []
