import pytest

pytestmark = pytest.mark.browser


def test_a_member_goes_from_home_to_a_lesson_on_a_phone(phone, live_server):
    phone.goto(live_server)
    phone.get_by_role("link", name="An toàn trên mạng").click()
    phone.get_by_role("link", name="Mật khẩu an toàn").click()

    steps = phone.locator("li.step")
    assert steps.count() == 2
    assert steps.first.locator("h2").inner_text() == "Bước 1 Dùng câu dài"
    pictures = phone.locator("img.illustration")
    for index in range(pictures.count()):
        picture = pictures.nth(index)
        picture.scroll_into_view_if_needed()
        phone.wait_for_function(
            "img => img.complete && img.naturalWidth > 0", arg=picture.element_handle()
        )
    assert (
        phone.evaluate("document.documentElement.scrollWidth") <= 360
    )  # nothing wider than the phone


def test_text_is_large_and_links_easy_to_tap_on_a_phone(phone, live_server):
    phone.goto(f"{live_server}/bai-hoc/mat-khau")

    body_px = phone.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.step-text p')).fontSize)"
    )
    smallest_link = phone.evaluate(
        "Math.min(...[...document.querySelectorAll('main a')]"
        ".map(a => a.getBoundingClientRect().height))"
    )
    assert body_px >= 18
    assert smallest_link >= 44


def test_the_language_switcher_opens_the_translation(phone, live_server):
    phone.goto(f"{live_server}/bai-hoc/mat-khau")

    phone.get_by_role("link", name="Hmoob").click()

    assert phone.locator("article h1").inner_text() == "Tus password uas muaj kev nyab xeeb"
    assert phone.get_by_text("Bản dịch nháp").is_visible()
