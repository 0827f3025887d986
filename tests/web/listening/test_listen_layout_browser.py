"""Listen mode for the people it serves: the reader's largest text and high contrast, on a
small phone and on the same phone zoomed to 200 %, in a real Chromium."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.web.layout import SCREENS, broken_label_words, off_screen, text_under

pytestmark = pytest.mark.browser


@pytest.fixture
def app(make_app, content, voiced_test_content):
    return make_app(content, BUILD_DIR=str(voiced_test_content))


@pytest.fixture(params=SCREENS, ids=list(SCREENS))
def reader(request, browser, live_server):
    """Listen mode open at step 1, largest text and high contrast chosen, on each screen."""
    viewport, scale = SCREENS[request.param]
    context = browser.new_context(viewport=viewport, device_scale_factor=scale, locale="vi-VN")
    context.add_cookies([{"name": "hien_thi", "value": "4-cao", "url": live_server}])
    page = context.new_page()
    page.goto(f"{live_server}/bai-hoc/mat-khau/nghe#phan-1")
    page.locator(".controls").wait_for()
    yield page
    context.close()


def test_listen_mode_shows_the_largest_text_in_high_contrast(reader, browser, live_server):
    default = browser.new_page(viewport={"width": 360, "height": 640})
    default.goto(f"{live_server}/bai-hoc/mat-khau/nghe")
    normal_px = default.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    default.close()

    chosen_px = reader.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")

    assert reader.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
    assert reader.evaluate("getComputedStyle(document.body).color") == "rgb(255, 255, 255)"
    assert chosen_px > normal_px


def test_nothing_is_off_the_screen_and_the_page_never_scrolls_sideways(reader):
    assert off_screen(reader) == []


def test_every_control_and_the_back_link_can_be_reached_on_the_screen(reader):
    width = reader.evaluate("document.documentElement.clientWidth")

    for name in ["Phần trước", "Nghe", "Nghe lại phần này", "Phần sau", "Đọc thường", "Đọc chậm"]:
        box = reader.get_by_role("button", name=name, exact=True).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, name
        assert box["width"] >= 44 and box["height"] >= 44, name
    back = reader.get_by_role("link", name="‹ Về bài đọc").bounding_box()
    assert back["x"] >= 0


def test_the_controls_cover_no_text_at_the_top_or_scrolled_to_the_end(reader):
    at_top = text_under(reader, ".controls", ".part, .speed, .keys, .back-to-lesson")
    reader.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    reader.wait_for_function("window.scrollY > 0 || innerHeight >= document.body.scrollHeight")

    assert at_top == []
    assert text_under(reader, ".controls", ".part, .speed, .keys, .back-to-lesson") == []


def test_the_play_button_is_on_the_first_screen_above_the_step(reader):
    play = reader.get_by_role("button", name="Nghe", exact=True).bounding_box()
    step = reader.locator("#phan-1").bounding_box()

    assert play["y"] >= 0 and play["y"] + play["height"] <= reader.viewport_size["height"]
    assert play["y"] + play["height"] <= step["y"]


def test_no_label_is_broken_inside_a_word(reader):
    assert broken_label_words(reader) == []


def test_moving_to_the_next_part_brings_the_controls_back_into_view(reader):
    reader.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    reader.wait_for_function("window.scrollY > 0 || innerHeight >= document.body.scrollHeight")

    reader.keyboard.press("ArrowRight")

    reader.locator("#phan-2").wait_for()
    reader.wait_for_function("document.querySelector('.controls').getBoundingClientRect().top >= 0")


def test_axe_finds_no_serious_problem_at_the_largest_size_in_high_contrast(reader):
    found = Axe().run(reader).response["violations"]

    assert [v["id"] for v in found if v["impact"] in ("serious", "critical")] == []
