"""The widths `trainer check` assumes when it measures the words inside drawings."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import make_team
from trainer.content.picture_text import LESSON_PICTURE_PX, PHONE_PX, QUIZ_PICTURE_PX

pytestmark = pytest.mark.browser

PICTURE_CHOICE = """() => {
  const label = document.createElement('label');
  label.className = 'choice picture';
  label.innerHTML = '<input type="radio"><img width="400" height="300" alt="">';
  document.querySelector('fieldset.question').append(label);
  return label.querySelector('img').getBoundingClientRect().width;
}"""


def test_a_lesson_picture_is_as_wide_as_the_check_assumes_on_a_360_px_phone(phone, live_server):
    assert phone.viewport_size["width"] == PHONE_PX
    phone.goto(f"{live_server}/bai-hoc/mat-khau")

    width = phone.locator("img.illustration").first.evaluate(
        "img => img.getBoundingClientRect().width"
    )

    assert width == pytest.approx(LESSON_PICTURE_PX, abs=1)


def test_a_quiz_picture_choice_is_as_wide_as_the_check_assumes(phone, live_server, session):
    team = make_team(session)
    phone.goto(f"{live_server}/dang-ky")
    phone.get_by_label("Họ và tên").fill("Lò Thị Lan")
    phone.get_by_label("Tên đăng nhập hoặc số điện thoại").fill("lan.lo")
    phone.get_by_label("Mật khẩu", exact=True).fill("hoc-ky-nang-so")
    phone.get_by_label("Nhập lại mật khẩu").fill("hoc-ky-nang-so")
    phone.get_by_label("Mã vào tổ").fill(team.join_code)
    phone.get_by_role("button", name="Đăng ký").click()
    expect(phone).to_have_url(re.compile(r"/cua-toi$"))
    phone.goto(f"{live_server}/kiem-tra/an-toan")
    phone.get_by_role("button", name="Bắt đầu làm bài").click()

    width = phone.locator("fieldset.question").first.evaluate(
        "fieldset => (" + PICTURE_CHOICE + ")()"
    )

    assert width == pytest.approx(QUIZ_PICTURE_PX, abs=1)
