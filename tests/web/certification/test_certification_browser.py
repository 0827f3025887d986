"""The certification path in a real Chromium on a 360 × 640 phone screen."""

from __future__ import annotations

import io
import re

import pytest
import sqlalchemy as sa
import zxingcpp
from PIL import Image
from playwright.sync_api import expect

from tests.factories import make_team
from tests.services.certification_clock import Clock, load_quiz, right_answers
from trainer.models import QuizAttempt

pytestmark = pytest.mark.browser


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


def answer(phone, session, wrong: int = 0) -> None:
    """Tick, on the open quiz page, the answers to the attempt it shows."""
    expect(phone).to_have_url(re.compile(r"/bai-lam/"))
    expect(phone.get_by_role("button", name="Nộp bài")).to_be_visible()
    token = phone.url.rsplit("/", 1)[1]
    attempt = session.scalar(sa.select(QuizAttempt).where(QuizAttempt.token == token))
    quiz = load_quiz()
    types = {item.id: item.type for item in quiz.items}
    for item_id, positions in right_answers(quiz, attempt, wrong).items():
        if types[item_id] == "order":
            for rank, position in enumerate(positions, 1):
                phone.select_option(f'select[name="{item_id}.{position}"]', str(rank))
        else:
            for position in positions:
                phone.locator(f'input[name="{item_id}"][value="{position}"]').check()


def fits_the_phone(phone) -> bool:
    return phone.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_new_member_fails_retakes_passes_and_the_qr_code_verifies_on_another_phone(
    phone, browser, live_server, session, clock, tmp_path
):
    team = make_team(session)
    phone.goto(f"{live_server}/dang-ky")
    phone.get_by_label("Họ và tên").fill("Lò Thị Lan")
    phone.get_by_label("Tên đăng nhập hoặc số điện thoại").fill("lan.lo")
    phone.get_by_label("Mật khẩu", exact=True).fill("hoc-ky-nang-so")
    phone.get_by_label("Nhập lại mật khẩu").fill("hoc-ky-nang-so")
    phone.get_by_label("Mã vào tổ").fill(team.join_code)
    phone.get_by_role("button", name="Đăng ký").click()
    expect(phone).to_have_url(re.compile(r"/cua-toi$"))
    phone.goto(f"{live_server}/bai-hoc/mat-khau")

    phone.goto(f"{live_server}/kiem-tra/an-toan")
    phone.get_by_role("button", name="Bắt đầu làm bài").click()
    answer(phone, session, wrong=3)
    assert fits_the_phone(phone)
    phone.screenshot(path=str(tmp_path / "quiz.png"), full_page=True)
    phone.get_by_role("button", name="Nộp bài").click()
    expect(phone.locator(".score")).to_contain_text("Chưa đạt")
    phone.get_by_role("link", name="Học lại:").first.click()
    expect(phone).to_have_url(re.compile(r"/bai-hoc/.*#buoc-"))

    clock.forward(hours=13)
    phone.goto(f"{live_server}/kiem-tra/an-toan")
    phone.get_by_role("button", name="Bắt đầu làm bài").click()
    answer(phone, session)
    phone.get_by_role("button", name="Nộp bài").click()
    expect(phone.locator(".score")).to_contain_text("Đạt")
    phone.get_by_role("link", name="Xem giấy chứng nhận").click()
    expect(phone).to_have_url(re.compile(r"/chung-nhan/"))
    assert fits_the_phone(phone)
    phone.screenshot(path=str(tmp_path / "certificate.png"), full_page=True)
    with phone.expect_download() as download:
        phone.get_by_role("link", name="Tải ảnh giấy chứng nhận").click()
    picture = Image.open(io.BytesIO(download.value.path().read_bytes()))
    [qr] = zxingcpp.read_barcodes(picture)

    other = browser.new_context(viewport={"width": 360, "height": 640}, locale="vi-VN")
    verify = other.new_page()
    verify.goto(qr.text)
    expect(verify.locator(".verdict")).to_contain_text("Còn hiệu lực")
    verify.screenshot(path=str(tmp_path / "verify.png"), full_page=True)
    other.close()

    assert qr.text.startswith(f"{live_server}/xac-minh/")
    phone.goto(f"{live_server}/so-tay/an-toan")
    expect(phone.get_by_role("heading", name="Không bao giờ")).to_be_visible()
    assert fits_the_phone(phone)
