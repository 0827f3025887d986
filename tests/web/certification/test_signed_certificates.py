"""Sealed certificates on the web: the QR code's signed address, the verify page's checks in
order, the published public key, the Open Badges download, and `trainer verify` offline."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import sqlalchemy as sa
import zxingcpp
from click.testing import CliRunner
from PIL import Image

from tests.factories import make_team, make_user
from tests.services.certification_clock import Clock
from tests.web.certify import take_quiz
from trainer.cli import cli
from trainer.models import Certificate
from trainer.services.certification import certificates, open_badge, signing_keys

PUBLIC = "https://hoc.cnscd.example.vn"


@pytest.fixture
def app(make_app, content):
    return make_app(content, PUBLIC_BASE_URL=PUBLIC)


@pytest.fixture
def keys(app):
    return signing_keys.make_keys(Path(app.instance_path))


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


@pytest.fixture
def certificate(client, session, login, clock):
    make_user(session, "Lò Thị Lan", "lan", team=make_team(session))
    login("lan")
    take_quiz(client, session)
    return session.scalar(sa.select(Certificate))


def qr_address(client, certificate) -> str:
    """What the certificate picture's QR code holds."""
    picture = client.get(f"/chung-nhan/{certificate.code}/anh.png").data
    found = zxingcpp.read_barcodes(Image.open(io.BytesIO(picture)))
    assert len(found) == 1
    return found[0].text


def public_page(client, address: str):
    """The page the address opens on an official's phone (not signed in)."""
    return client.application.test_client().get(address.removeprefix(PUBLIC))


def test_with_a_key_the_qr_code_carries_the_seal_and_the_page_checks_it(client, keys, certificate):
    address = qr_address(client, certificate)

    page = public_page(client, address).get_data(as_text=True)

    assert address.startswith(f"{PUBLIC}/xac-minh/") and len(address) > 150
    assert page.index("Còn hiệu lực") < page.index("Chữ ký số: đúng") < page.index("Hồ sơ")
    assert "Lò Thị Lan" in page and "Có giá trị đến" in page


def test_one_letter_changed_in_the_sealed_address_is_called_forged(client, keys, certificate):
    address = qr_address(client, certificate)
    position = len(address) - 40
    forged = (
        address[:position] + ("B" if address[position] != "B" else "C") + address[position + 1 :]
    )

    page = public_page(client, forged).get_data(as_text=True)

    assert "Giấy giả hoặc đã bị sửa" in page
    assert "Lò Thị Lan" not in page and "Còn hiệu lực" not in page


def test_a_revoked_certificate_shows_revoked_first_and_no_date_it_is_valid_until(
    client, session, keys, certificate
):
    address = qr_address(client, certificate)
    certificates.revoke(session, certificate.code, "Chia sẻ đáp án", admin_id=1)

    page = public_page(client, address).get_data(as_text=True)

    main = page.split("<main", 1)[1]
    assert main.index("Đã bị thu hồi") < main.index("Lò Thị Lan")
    assert "Có giá trị đến" not in page and "Chữ ký số: đúng" in page


def test_an_expired_certificate_shows_expired_first_and_no_date_it_is_valid_until(
    client, keys, certificate, clock
):
    address = qr_address(client, certificate)
    clock.forward(days=366)

    page = public_page(client, address).get_data(as_text=True)

    main = page.split("<main", 1)[1]
    assert main.index("Đã hết hạn") < main.index("Lò Thị Lan")
    assert "Có giá trị đến" not in page


def test_the_certificate_page_of_a_revoked_certificate_says_so_before_anything_else(
    client, session, keys, certificate
):
    certificates.revoke(session, certificate.code, "Chia sẻ đáp án", admin_id=1)

    page = client.get(f"/chung-nhan/{certificate.code}").get_data(as_text=True)

    main = page.split("<main", 1)[1]
    assert main.index("đã bị thu hồi") < main.index("Lò Thị Lan")
    assert "Có giá trị đến" not in page and "Open Badges" not in page


def test_a_fresh_install_makes_its_key_the_first_time_a_certificate_is_shown(
    client, app, certificate
):
    assert signing_keys.signing_key(Path(app.instance_path)) is None

    address = qr_address(client, certificate)

    assert signing_keys.signing_key(Path(app.instance_path)) is not None
    assert address.startswith(f"{PUBLIC}/xac-minh/") and len(address) > 150
    assert "Chữ ký số: đúng" in public_page(client, address).get_data(as_text=True)


def test_the_public_key_is_published_for_offline_checks(client, keys):
    response = client.get("/xac-minh/khoa-cong-khai.pem")

    assert response.status_code == 200
    assert response.data == keys.public.read_bytes()


def test_no_public_key_is_published_before_there_is_one(client):
    assert client.get("/xac-minh/khoa-cong-khai.pem").status_code == 404


def test_the_open_badges_download_verifies_with_the_published_key(client, keys, certificate):
    response = client.get(f"/chung-nhan/{certificate.code}/open-badge.json")
    published = client.get("/xac-minh/khoa-cong-khai.pem").data
    key_file = keys.public.with_name("published.pem")
    key_file.write_bytes(published)

    holder = open_badge.verified_holder(
        response.get_data(as_text=True), [signing_keys.read_public_key(key_file)]
    )

    assert "attachment" in response.headers["Content-Disposition"]
    assert holder == ("Lò Thị Lan", "Tổ CNSCĐ-Xã Mường Phăng", "An toàn trên mạng")
    assert json.loads(response.data)["id"] == f"{PUBLIC}/xac-minh/{certificate.code}"


def test_the_open_badges_download_works_on_a_fresh_install_with_no_key_made_by_hand(
    client, certificate
):
    response = client.get(f"/chung-nhan/{certificate.code}/open-badge.json")

    assert response.status_code == 200
    assert json.loads(response.data)["proof"]["type"] == "DataIntegrityProof"


def test_trainer_verify_reads_the_downloaded_picture_with_the_database_removed(
    client, app, keys, certificate, tmp_path, monkeypatch
):
    picture = tmp_path / "chung-nhan.png"
    picture.write_bytes(client.get(f"/chung-nhan/{certificate.code}/anh.png?tai=1").data)
    for leftover in Path(app.instance_path).glob("trainer.sqlite*"):
        leftover.unlink()
    monkeypatch.setenv("TRAINER_CONTENT_DIR", app.config["CONTENT_DIR"])

    result = CliRunner().invoke(cli, ["verify", str(picture)])

    assert result.exit_code == 0, result.output
    assert "Họ tên:    Lò Thị Lan" in result.output
    assert f"Khi có mạng, mở {PUBLIC}/xac-minh/{certificate.code}" in result.output


def test_a_seal_pasted_into_the_code_box_is_checked_too(client, keys, certificate):
    seal = qr_address(client, certificate).rsplit("/", 1)[1]

    page = client.get("/xac-minh", query_string={"ma": seal}, follow_redirects=True)

    assert "Chữ ký số: đúng" in page.get_data(as_text=True)
