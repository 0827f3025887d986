"""Keys with a life and revocation that travels: a retired key's later signatures and a leaked
key's are refused on the verify page and by `trainer verify`, while honest certificates
still verify; a revoked certificate's saved picture is reported revoked offline, from a
saved copy of the server's signed revocation list; the issuer is configuration."""

from __future__ import annotations

import dataclasses
import json
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from tests.factories import PASSWORD, make_team, make_user
from tests.forms import token_from
from tests.services.certification_clock import Clock
from tests.web.certification.test_signed_certificates import PUBLIC, public_page, qr_address
from tests.web.certify import take_quiz
from trainer.cli import cli
from trainer.models import Certificate
from trainer.services.certification import certificate_seal, certificates, signing_keys
from trainer.web.core.links import UNCONFIGURED_BASE_URL


@pytest.fixture
def app(make_app, content):
    return make_app(content, PUBLIC_BASE_URL=PUBLIC)


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


@pytest.fixture
def instance(app, monkeypatch) -> Path:
    monkeypatch.setenv("TRAINER_CONTENT_DIR", app.config["CONTENT_DIR"])
    signing_keys.make_keys(Path(app.instance_path))
    return Path(app.instance_path)


@pytest.fixture
def certificate(client, session, login, clock, instance):
    make_user(session, "Lò Thị Lan", "lan", team=make_team(session))
    login("lan")
    take_quiz(client, session)
    return session.scalar(sa.select(Certificate))


def verify_offline(*args: str):
    return CliRunner().invoke(cli, ["verify", *args])


def made_up(certificate, key, **changes) -> str:
    """A seal for the certificate's holder, signed with key, with fields changed."""
    fields = dataclasses.replace(certificates.sealed_fields(certificate), **changes)
    return certificate_seal.seal(fields, key)


def test_a_retired_key_still_proves_what_it_signed_before_retirement(client, instance, certificate):
    before = qr_address(client, certificate)

    signing_keys.make_keys(instance, replace=True)

    page = public_page(client, before).get_data(as_text=True)
    assert "Còn hiệu lực" in page and "khóa cũ của máy chủ này, thôi dùng từ 02/03/2026" in page
    assert "Máy chủ này đã cấp giấy này" in page
    result = verify_offline(before)
    assert result.exit_code == 0, result.output
    assert "khóa cũ của máy chủ này, thôi dùng từ 02/03/2026" in result.output


def test_a_retired_key_signing_a_certificate_dated_after_retirement_is_refused(
    client, instance, certificate
):
    old = signing_keys.signing_key(instance)
    signing_keys.make_keys(instance, replace=True)
    issued = certificates.sealed_fields(certificate).issued_on + timedelta(days=1)
    seal = made_up(certificate, old, code="K7Q2-XR4M-PL9D-TT3A", issued_on=issued)

    page = client.application.test_client().get(f"/xac-minh/{seal}")
    result = verify_offline(f"{PUBLIC}/xac-minh/{seal}")

    text = page.get_data(as_text=True)
    assert "ký bằng khóa đã thôi dùng" in text and "Còn hiệu lực" not in text
    assert result.exit_code == 1
    assert "đã thôi dùng từ 02/03/2026" in result.output and "KHÔNG HỢP LỆ" in result.output


def test_a_compromised_keys_certificates_verify_only_by_the_servers_records(
    client, instance, certificate
):
    honest = qr_address(client, certificate)
    leaked = signing_keys.signing_key(instance)
    result = CliRunner().invoke(cli, ["keys", "--compromised"])
    assert result.exit_code == 0, result.output
    forged = made_up(certificate, leaked, code="K7Q2-XR4M-PL9D-TT3A", name="Nguyễn Văn Giả")

    honest_page = public_page(client, honest).get_data(as_text=True)
    forged_page = client.application.test_client().get(f"/xac-minh/{forged}")
    offline = verify_offline(f"{PUBLIC}/xac-minh/{forged}")

    assert "Còn hiệu lực" in honest_page and "đã bị lộ" in honest_page
    text = forged_page.get_data(as_text=True)
    assert "ký bằng khóa đã bị lộ, không có trong hồ sơ" in text
    assert "Còn hiệu lực" not in text
    assert offline.exit_code == 1
    assert "ĐÃ BỊ LỘ" in offline.output and "KHÔNG TIN ĐƯỢC" in offline.output


def test_a_revoked_certificates_saved_picture_is_reported_revoked_offline_with_the_saved_list(
    client, session, instance, certificate, tmp_path, clock
):
    picture = tmp_path / "chung-nhan.png"
    picture.write_bytes(client.get(f"/chung-nhan/{certificate.code}/anh.png?tai=1").data)
    certificates.revoke(session, certificate.code, "Chia sẻ đáp án", admin_id=1)
    listed = client.application.test_client().get("/xac-minh/danh-sach-thu-hoi.jwt")
    saved = tmp_path / "danh-sach-thu-hoi.jwt"
    saved.write_bytes(listed.data)
    for leftover in instance.glob("trainer.sqlite*"):
        leftover.unlink()
    clock.forward(days=7)

    result = verify_offline(str(picture), "--status-list", str(saved))

    assert listed.status_code == 200 and listed.mimetype == "application/vc+jwt"
    assert result.exit_code == 1, result.output
    assert "ĐÃ BỊ THU HỒI" in result.output and "cách đây 7 ngày" in result.output


def test_a_valid_certificates_picture_with_the_saved_list_says_not_revoked_as_of_its_day(
    client, instance, certificate, tmp_path
):
    picture = tmp_path / "chung-nhan.png"
    picture.write_bytes(client.get(f"/chung-nhan/{certificate.code}/anh.png?tai=1").data)
    saved = tmp_path / "danh-sach-thu-hoi.jwt"
    saved.write_bytes(client.get("/xac-minh/danh-sach-thu-hoi.jwt").data)

    result = verify_offline(str(picture), "--status-list", str(saved))

    assert result.exit_code == 0, result.output
    assert "chưa bị thu hồi tính đến lúc đó" in result.output


def test_an_altered_status_list_is_refused(client, instance, certificate, tmp_path):
    text = client.get("/xac-minh/danh-sach-thu-hoi.jwt").get_data(as_text=True)
    head, payload, signature = text.split(".")
    saved = tmp_path / "danh-sach-thu-hoi.jwt"
    saved.write_text(f"{head}.{payload[:-4]}AAAA.{signature}")

    result = verify_offline(qr_address(client, certificate), "--status-list", str(saved))

    assert result.exit_code == 2
    assert "không dùng được" in result.output


def test_the_open_badge_carries_its_status_and_a_saved_list_reports_its_revocation(
    client, session, instance, certificate, tmp_path
):
    badge = client.get(f"/chung-nhan/{certificate.code}/open-badge.json")
    document = json.loads(badge.data)
    saved_badge = tmp_path / "chung-nhan.json"
    saved_badge.write_bytes(badge.data)
    certificates.revoke(session, certificate.code, "Chia sẻ đáp án", admin_id=1)
    saved = tmp_path / "danh-sach-thu-hoi.jwt"
    saved.write_bytes(client.get("/xac-minh/danh-sach-thu-hoi.jwt").data)

    result = verify_offline(str(saved_badge), "--status-list", str(saved))

    status = document["credentialStatus"]
    assert status["type"] == "BitstringStatusListEntry"
    assert status["statusListCredential"] == f"{PUBLIC}/xac-minh/danh-sach-thu-hoi.jwt"
    assert status["statusListIndex"] == str(certificate.id)
    assert result.exit_code == 1 and "ĐÃ BỊ THU HỒI" in result.output


@pytest.mark.parametrize("configured", [PUBLIC, ""])
def test_the_open_badges_issuer_and_address_ignore_a_forged_host(
    app, instance, certificate, configured
):
    app.config["PUBLIC_BASE_URL"] = configured
    attacker = app.test_client()
    forged = {"HTTP_HOST": "verify.attacker.example"}
    page = attacker.get("/dang-nhap", environ_overrides=forged).get_data(as_text=True)
    form = {"login": "lan", "password": PASSWORD, "csrf_token": token_from(page)}
    signed_in = attacker.post("/dang-nhap", data=form, environ_overrides=forged)
    assert signed_in.status_code == 302

    badge = attacker.get(
        f"/chung-nhan/{certificate.code}/open-badge.json", environ_overrides=forged
    )

    site = configured or UNCONFIGURED_BASE_URL
    document = json.loads(badge.data)
    assert document["issuer"]["id"] == f"{site}/"
    assert document["id"] == f"{site}/xac-minh/{certificate.code}"
    assert "attacker" not in badge.get_data(as_text=True)


def test_trainer_verify_says_a_missing_file_is_missing(instance):
    result = verify_offline("khong-co.png")

    assert result.exit_code == 2
    assert "Không có tệp khong-co.png" in result.output
