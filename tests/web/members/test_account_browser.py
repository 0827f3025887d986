from __future__ import annotations

import pytest
import sqlalchemy as sa

from tests.factories import make_team, make_user
from trainer.models import LessonProgress

pytestmark = pytest.mark.browser


def test_a_member_registers_signs_out_and_signs_in_again_on_a_phone(
    phone, live_server, session, tmp_path
):
    make_team(session)
    phone.goto(live_server)

    phone.get_by_role("link", name="Đăng nhập").click()
    phone.get_by_role("link", name="Đăng ký thành viên").click()
    phone.get_by_label("Họ và tên").fill("Lò Thị Lan")
    phone.get_by_label("Tên đăng nhập hoặc số điện thoại").fill("0912 345 678")
    phone.get_by_label("Mật khẩu", exact=True).fill("mot-mat-khau-dai")
    phone.get_by_label("Nhập lại mật khẩu").fill("mot-mat-khau-khac")
    phone.get_by_role("button", name="Đăng ký").click()

    # A mistake keeps everything but the passwords, and says what to fix.
    assert phone.get_by_text("Hai mật khẩu chưa giống nhau.").is_visible()
    assert phone.get_by_label("Họ và tên").input_value() == "Lò Thị Lan"
    phone.get_by_label("Mật khẩu", exact=True).fill("mot-mat-khau-dai")
    phone.get_by_label("Nhập lại mật khẩu").fill("mot-mat-khau-dai")
    phone.get_by_label("Tổ của bạn").select_option(label="Tổ CNSCĐ-Xã Mường Phăng")
    phone.screenshot(path=tmp_path / "register.png", full_page=True)
    phone.get_by_role("button", name="Đăng ký").click()

    assert phone.get_by_role("heading", name="Lò Thị Lan").is_visible()
    assert phone.get_by_text("Tổ CNSCĐ-Xã Mường Phăng").first.is_visible()
    phone.get_by_role("button", name="Đăng xuất").click()
    phone.get_by_role("link", name="Đăng nhập").click()
    phone.get_by_label("Tên đăng nhập hoặc số điện thoại").fill("0912345678")
    phone.get_by_label("Mật khẩu").fill("mot-mat-khau-dai")
    phone.get_by_role("button", name="Đăng nhập").click()

    assert phone.get_by_role("heading", name="Lò Thị Lan").is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


def test_form_fields_and_buttons_are_big_enough_to_tap_on_a_phone(phone, live_server, session):
    make_team(session)
    phone.goto(f"{live_server}/dang-ky")

    smallest = phone.evaluate(
        "Math.min(...[...document.querySelectorAll('main input, main select, main button')]"
        ".filter(e => e.type !== 'hidden').map(e => e.getBoundingClientRect().height))"
    )
    body_px = phone.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('main')).fontSize)"
    )

    assert smallest >= 44
    assert body_px >= 18


def test_reading_a_lesson_to_the_end_records_the_last_step_reached(phone, live_server, session):
    make_user(session, "Lò Thị Lan", "lan")
    phone.goto(f"{live_server}/dang-nhap")
    phone.get_by_label("Tên đăng nhập hoặc số điện thoại").fill("lan")
    phone.get_by_label("Mật khẩu").fill("hoc-ky-nang-so")
    phone.get_by_role("button", name="Đăng nhập").click()
    phone.goto(f"{live_server}/bai-hoc/mat-khau")
    last = phone.locator(".step").last

    with phone.expect_response(
        lambda r: (
            r.url.endswith("/tien-do/mat-khau/buoc")
            and r.request.post_data_buffer
            and b'name="step"\r\n\r\n2' in r.request.post_data_buffer
        )
    ) as beacon:
        last.scroll_into_view_if_needed()

    assert beacon.value.status == 204
    assert session.scalar(sa.select(LessonProgress.steps_reached)) == 2


def test_the_admins_accounts_page_fits_a_phone_screen(phone, live_server, session):
    team = make_team(session)
    make_user(session, "Lò Thị Lan", "lan", team=team)
    make_user(session, "Quản trị An", "quantri", role="admin")
    phone.goto(f"{live_server}/dang-nhap")
    phone.get_by_label("Tên đăng nhập hoặc số điện thoại").fill("quantri")
    phone.get_by_label("Mật khẩu").fill("hoc-ky-nang-so")
    phone.get_by_role("button", name="Đăng nhập").click()

    phone.goto(f"{live_server}/quan-tri/tai-khoan")

    assert phone.get_by_role("button", name="Chuyển tổ").is_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
