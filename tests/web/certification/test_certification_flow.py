"""The whole path to being cleared to guide, through the real app and a real SQLite file."""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa

from tests.factories import make_team, make_user
from tests.forms import post_form
from tests.services.certification_clock import Clock
from tests.web.certify import take_quiz
from trainer.models import Certificate, QuizAttempt, User


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


def register(client, team):
    return post_form(
        client,
        "/dang-ky",
        {
            "full_name": "Lò Thị Lan",
            "login": "0912345678",
            "password": "hoc-ky-nang-so",
            "password_again": "hoc-ky-nang-so",
            "join_code": team.join_code,
        },
    )


def test_register_study_fail_wait_retake_pass_verify_then_expire(client, session, clock):
    team = make_team(session)
    assert register(client, team).status_code == 302
    post_form(client, "/tien-do/mat-khau/xong", {}, page="/cua-toi")
    assert "Đang học" in client.get("/chung-nhan").get_data(as_text=True)

    failed, response = take_quiz(client, session, wrong=3)
    result = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Chưa đạt" in result and "Các câu chưa đúng: <strong>3</strong>" in result
    assert 'href="/bai-hoc/' in result and "#buoc-" in result
    links = re.findall(r"Học lại: “([^”]+)”, bước (\d)", result)
    assert len(links) == 3
    assert set(links) <= {
        ("Mật khẩu an toàn", "1"),
        ("Mật khẩu an toàn", "2"),
        ("Nhận biết lừa đảo", "1"),
    }

    too_soon = client.post("/kiem-tra/an-toan", data={"csrf_token": "x"})
    assert too_soon.status_code == 400  # a form without its token is refused
    waiting = client.get("/kiem-tra/an-toan").get_data(as_text=True)
    assert "Bạn làm lại được từ" in waiting and "Bắt đầu làm bài" not in waiting

    clock.forward(hours=12, minutes=5)
    passed, response = take_quiz(client, session)
    assert passed.token != failed.token
    result = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Đạt" in result and "Chúc mừng" in result

    certificate = session.scalar(sa.select(Certificate))
    mine = client.get("/chung-nhan").get_data(as_text=True)
    assert "Đã đạt, có giá trị đến <strong>02/03/2027</strong>" in mine
    assert client.get(f"/chung-nhan/{certificate.code}").status_code == 200
    guide = client.get("/so-tay/an-toan")
    assert guide.status_code == 200 and "Không bao giờ" in guide.get_data(as_text=True)

    other_device = client.application.test_client()
    verify = other_device.get(f"/xac-minh/{certificate.code}").get_data(as_text=True)
    assert "Còn hiệu lực" in verify
    assert "Lò Thị Lan" in verify and team.name in verify and "An toàn trên mạng" in verify
    assert "0912345678" not in verify

    clock.forward(days=366)
    expired = other_device.get(f"/xac-minh/{certificate.code}").get_data(as_text=True)
    assert "Đã hết hạn" in expired and "Còn hiệu lực" not in expired
    assert client.get("/so-tay/an-toan").status_code == 403
    assert "Hết hạn — cần thi lại" in client.get("/chung-nhan").get_data(as_text=True)
    session.expire_all()
    attempts = session.scalars(sa.select(QuizAttempt).order_by(QuizAttempt.id)).all()
    assert [a.passed for a in attempts] == [False, True]
    assert session.scalar(sa.select(User)).full_name == "Lò Thị Lan"


def test_the_field_guide_stays_closed_without_a_certificate(client, session, login):
    make_user(session, username="lan", team=make_team(session))
    login("lan")

    response = client.get("/so-tay/an-toan")

    assert response.status_code == 403
    assert "Sổ tay này mở khi bạn có giấy chứng nhận" in response.get_data(as_text=True)
    assert "Không bao giờ" not in response.get_data(as_text=True)


def test_the_field_guide_asks_a_visitor_to_sign_in(client):
    response = client.get("/so-tay/an-toan")

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/dang-nhap?next=")


def test_the_rules_page_says_the_wait_doubles_and_a_second_fail_waits_twice_as_long(
    client, session, clock
):
    register(client, make_team(session))
    rules = client.get("/kiem-tra/an-toan").get_data(as_text=True)
    take_quiz(client, session, wrong=3)
    clock.forward(hours=12, minutes=5)
    take_quiz(client, session, wrong=3)
    clock.forward(hours=23)

    waiting = client.get("/kiem-tra/an-toan").get_data(as_text=True)

    assert "chờ 12 giờ rồi làm lại" in rules
    assert "chờ gấp đôi (24 giờ, rồi 48 giờ…), lâu nhất 7 ngày" in rules
    assert "Mỗi lần làm lại là những câu hỏi khác." in rules
    assert "Bạn làm lại được từ" in waiting and "Bắt đầu làm bài" not in waiting
