"""The certificate's page and picture, the public verify page, and revoking."""

from __future__ import annotations

import io

import pytest
import sqlalchemy as sa
import zxingcpp
from PIL import Image

from tests.factories import make_team, make_user
from tests.forms import post_form
from tests.services.certification_clock import Clock
from tests.web.certify import take_quiz
from trainer.models import Certificate

PUBLIC = "https://hoc.cnscd.example.vn"


@pytest.fixture
def app(make_app, content):
    return make_app(content, PUBLIC_BASE_URL=PUBLIC)


@pytest.fixture
def certificate(client, session, login, monkeypatch):
    Clock(monkeypatch)
    make_user(session, "Lò Thị Lan", phone="0912345678", team=make_team(session))
    make_user(session, "Quản trị An", "quantri", role="admin")
    login("0912345678")
    take_quiz(client, session)
    return session.scalar(sa.select(Certificate))


def test_the_certificate_picture_decodes_and_its_qr_code_leads_to_the_verify_page(
    client, certificate
):
    response = client.get(f"/chung-nhan/{certificate.code}/anh.png?tai=1")

    image = Image.open(io.BytesIO(response.data))
    assert (
        response.mimetype == "image/png" and "attachment" in response.headers["Content-Disposition"]
    )
    [found] = [code.text for code in zxingcpp.read_barcodes(image)]
    assert found.startswith(f"{PUBLIC}/xac-minh/")
    verify_page = client.application.test_client().get(found.removeprefix(PUBLIC))
    assert "Còn hiệu lực" in verify_page.get_data(as_text=True)
    assert certificate.code in verify_page.get_data(as_text=True)


def test_the_printable_page_shows_name_team_topic_dates_and_code(client, certificate):
    page = client.get(f"/chung-nhan/{certificate.code}").get_data(as_text=True)

    for text in ("Lò Thị Lan", "Tổ CNSCĐ-Xã Mường Phăng", "An toàn trên mạng", "02/03/2026"):
        assert text in page
    assert "02/03/2027" in page and certificate.code in page


def test_the_verify_page_never_shows_a_phone_number(client, certificate, login):
    login.logout()

    page = client.get(f"/xac-minh/{certificate.code}").get_data(as_text=True)

    assert "Còn hiệu lực" in page and "0912345678" not in page
    assert "Lò Thị Lan" in page


def test_a_code_typed_by_hand_finds_the_certificate(client, certificate):
    typed = certificate.code.lower().replace("-", " ")

    response = client.get("/xac-minh", query_string={"ma": typed})

    assert response.headers["Location"] == f"/xac-minh/{certificate.code}"


def test_an_unknown_code_says_so(client):
    response = client.get("/xac-minh/AAAA-BBBB-CCCC-DDDD")

    assert response.status_code == 404
    assert "Không có giấy chứng nhận nào" in response.get_data(as_text=True)


def test_another_member_cannot_open_someone_elses_certificate(client, session, certificate, login):
    make_user(session, "Quàng Văn Hùng", "hung", team=certificate.user.team)
    login.logout()
    login("hung")

    assert client.get(f"/chung-nhan/{certificate.code}").status_code == 404
    assert client.get(f"/chung-nhan/{certificate.code}/anh.png").status_code == 404


def test_an_admin_revokes_with_a_reason_and_the_verify_page_says_so(
    client, session, certificate, login
):
    login.logout()
    login("quantri")

    response = post_form(
        client, "/quan-tri/thu-hoi", {"code": certificate.code, "reason": "Chia sẻ đáp án"}
    )

    assert response.status_code == 302
    page = client.get(f"/xac-minh/{certificate.code}").get_data(as_text=True)
    assert "Đã bị thu hồi" in page
    assert "Chia sẻ đáp án" not in page  # the reason stays with the admins


def test_an_admin_finds_the_revoke_form_from_the_certificate_filled_in(client, certificate, login):
    login.logout()
    login("quantri")

    page = client.get(f"/chung-nhan/{certificate.code}").get_data(as_text=True)
    form = client.get(f"/quan-tri/thu-hoi?ma={certificate.code}").get_data(as_text=True)

    assert f'href="/quan-tri/thu-hoi?ma={certificate.code}"' in page
    assert f'value="{certificate.code}"' in form


def test_revoking_without_a_reason_is_refused_in_vietnamese(client, certificate, login):
    login.logout()
    login("quantri")

    response = post_form(client, "/quan-tri/thu-hoi", {"code": certificate.code, "reason": " "})

    assert response.status_code == 400
    assert "Hãy ghi lý do thu hồi." in response.get_data(as_text=True)


def test_a_member_cannot_revoke(client, certificate):
    response = post_form(
        client, "/quan-tri/thu-hoi", {"code": certificate.code, "reason": "x"}, page="/cua-toi"
    )

    assert response.status_code == 403


def test_the_topic_page_links_to_its_quiz_and_field_guide(client):
    page = client.get("/chu-de/an-toan").get_data(as_text=True)

    assert 'href="/kiem-tra/an-toan"' in page and 'href="/so-tay/an-toan"' in page


def test_a_topic_without_a_bank_offers_no_quiz(client):
    page = client.get("/chu-de/nong-nghiep").get_data(as_text=True)

    assert "/kiem-tra/" not in page


def test_the_members_own_page_shows_each_topics_standing_and_leads_to_certificates(
    client, certificate
):
    page = client.get("/cua-toi").get_data(as_text=True)

    assert "<strong>An toàn trên mạng</strong>:" in page
    assert "Đã đạt, đến 02/03/2027" in page
    assert 'href="/chung-nhan"' in page and "/giang-vien" not in page
