"""The presenter view shows the topic's field guide only to those who may read it."""

import pytest
import sqlalchemy as sa

from tests.factories import make_team, make_user
from tests.services.certification_clock import Clock
from tests.web.certify import take_quiz
from trainer.models import Certificate
from trainer.services.certification import certificates

PRESENTER = "/bai-hoc/mat-khau/trinh-chieu/nguoi-day"
GUIDE = "Không bao giờ"  # a line of the test topic's field guide


def presenter_page(client) -> str:
    client.get("/bai-hoc/mat-khau/trinh-chieu")  # the laptop's own window: joined
    response = client.get(PRESENTER)
    assert response.status_code == 200
    assert "private" in response.headers["Cache-Control"]
    return response.get_data(as_text=True)


@pytest.fixture
def certified(client, session, login, monkeypatch):
    """A member signed in who passed the topic's quiz: their certificate."""
    Clock(monkeypatch)
    make_user(session, "Lò Thị Lan", "lan", team=make_team(session))
    login("lan")
    take_quiz(client, session)
    return session.scalar(sa.select(Certificate))


def test_a_signed_out_visitor_sees_no_field_guide(client):
    page = presenter_page(client)

    assert GUIDE not in page and "Sổ tay:" not in page
    assert "Sổ tay chỉ hiện cho giảng viên" in page and "Đăng nhập" in page


def test_a_signed_in_instructor_sees_the_field_guide(client, session, login):
    make_user(session, "Giảng viên Hà", "giangvien.ha", role="instructor")
    login("giangvien.ha")

    assert GUIDE in presenter_page(client)


def test_a_member_with_a_valid_certificate_sees_the_field_guide(client, certified):
    assert GUIDE in presenter_page(client)


def test_a_member_whose_certificate_was_revoked_sees_no_field_guide(client, session, certified):
    certificates.revoke(session, certified.code, "Chia sẻ đáp án", admin_id=1)

    page = presenter_page(client)

    assert GUIDE not in page and "Sổ tay chỉ hiện cho giảng viên" in page


def test_a_member_without_a_certificate_sees_no_field_guide(client, session, login):
    make_user(session, "Quàng Văn Hùng", "hung", team=make_team(session))
    login("hung")

    assert GUIDE not in presenter_page(client)
