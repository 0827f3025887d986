"""Labels never break inside a word, and nothing leaves the screen, on any page a reader
opens, at every text size, on a phone and on the same phone zoomed to 200 %."""

import pytest

from tests.web.layout import SCREENS, broken_label_words, off_screen, open_every_panel

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/chu-de/an-toan",
    "/bai-hoc/mat-khau",
    "/bai-hoc/mat-khau?lang=hmn",
    "/bai-hoc/mat-khau/nghe",
    "/tim-kiem?q=mat+khau",
    "/dang-nhap",
    "/dang-ky",
]


@pytest.fixture
def app(make_app, content, voiced_test_content):
    return make_app(content, BUILD_DIR=str(voiced_test_content))


@pytest.mark.parametrize("size", range(5))
@pytest.mark.parametrize("screen", SCREENS)
def test_no_label_breaks_inside_a_word_and_nothing_leaves_the_screen(
    browser, live_server, screen, size
):
    viewport, scale = SCREENS[screen]
    context = browser.new_context(viewport=viewport, device_scale_factor=scale, locale="vi-VN")
    context.add_cookies([{"name": "hien_thi", "value": f"{size}-cao", "url": live_server}])
    page = context.new_page()
    found = {}

    for path in PAGES:
        page.goto(live_server + path)
        open_every_panel(page)
        found[path] = broken_label_words(page) + off_screen(page)

    context.close()
    assert {path: wrong for path, wrong in found.items() if wrong} == {}


def test_the_listen_button_keeps_its_icon_at_the_largest_size(browser, live_server):
    context = browser.new_context(viewport={"width": 360, "height": 640})
    context.add_cookies([{"name": "hien_thi", "value": "4-thuong", "url": live_server}])
    page = context.new_page()
    page.goto(f"{live_server}/bai-hoc/mat-khau")

    icon = page.locator(".listen-all svg").bounding_box()

    context.close()
    assert icon["width"] >= 24 and icon["height"] >= 24
