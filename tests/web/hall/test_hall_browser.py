"""In a real Chromium: what the hall sees change as phones join and answer."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser
TIP_GREEN = "rgb(232, 245, 233)"


def test_the_lobby_counts_phones_as_they_join_and_a_wrong_answer_is_not_green(browser, live_server):
    laptop = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
    laptop.goto(f"{live_server}/chu-de/an-toan/do-vui-ca-lop")
    laptop.get_by_role("button", name="Trả lời bằng điện thoại").click()
    expect(laptop.locator(".join-hall [data-joined]")).to_have_text("0")
    code = laptop.locator(".join-hall .code").inner_text().replace(" ", "")
    phone = browser.new_context(viewport={"width": 360, "height": 640}).new_page()

    phone.goto(f"{live_server}/vui?ma={code}")

    expect(laptop.locator(".join-hall [data-joined]")).to_have_text("1")  # without a reload
    expect(laptop.locator(".controls .counter")).to_have_text("1 điện thoại")
    laptop.keyboard.press("ArrowRight")
    phone.get_by_text("Ngày sinh của bạn").click()
    phone.get_by_role("button", name="Gửi").click()
    expect(phone.get_by_text("Bạn đã chọn:")).to_be_visible()
    laptop.keyboard.press("d")
    feedback = phone.locator(".answer")
    expect(feedback).to_contain_text("Bạn chưa đúng.")
    assert feedback.evaluate("box => getComputedStyle(box).backgroundColor") != TIP_GREEN
    for page in (laptop, phone):
        page.context.close()


def test_the_join_page_says_where_the_projector_really_shows_its_code(browser, live_server):
    hall = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
    hall.goto(f"{live_server}/bai-hoc/mat-khau/trinh-chieu")
    phone = browser.new_context(viewport={"width": 360, "height": 640}).new_page()

    phone.goto(f"{live_server}/trinh-chieu")

    box = hall.locator(".join-code").bounding_box()
    right, bottom = box["x"] + box["width"], box["y"] + box["height"]
    assert box["x"] > 1280 / 2 and right > 1280 * 0.95 and bottom > 720 * 0.8  # bottom right
    expect(phone.locator("main")).to_contain_text("góc dưới bên phải")
    for page in (hall, phone):
        page.context.close()


def test_m_shows_a_new_code_once_a_phone_used_the_first_one(browser, live_server):
    hall = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
    hall.goto(f"{live_server}/bai-hoc/mat-khau/trinh-chieu")
    first = hall.locator(".join-code .code").inner_text()
    phone = browser.new_context(viewport={"width": 360, "height": 640}).new_page()
    phone.goto(f"{live_server}/trinh-chieu?ma={first.replace(' ', '')}")
    phone.get_by_role("button", name="Vào điều khiển").click()
    expect(hall.locator(".join-code")).to_be_hidden()

    hall.keyboard.press("m")

    expect(hall.locator(".join-code")).to_be_visible()
    expect(hall.locator(".join-code .code")).not_to_have_text(first)
    for page in (hall, phone):
        page.context.close()
