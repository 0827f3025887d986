import json
import stat
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from tests.factories import make_team, make_user
from tests.services.certification_clock import load_quiz, open_database, right_answers
from trainer.cli import cli
from trainer.services.certification import (
    attempts,
    certificate_seal,
    certificates,
    open_badge,
    signing_keys,
)
from trainer.services.certification.certificate_image import render_certificate
from trainer.services.certification.verify_link import verify_link

PREFIX = "http://127.0.0.1:5000/xac-minh/"
TITLE = "An toàn trên mạng"


@pytest.fixture
def instance(content, tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("TRAINER_INSTANCE_PATH", str(tmp_path / "instance"))
    monkeypatch.setenv("TRAINER_CONTENT_DIR", str(content))
    return tmp_path / "instance"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def printed(instance, tmp_path) -> tuple[Path, str]:
    """A member's certificate picture (PNG) made with the server's key, then the database
    removed: (the picture, its sealed verify address)."""
    assert run("keys").exit_code == 0
    database = instance / "trainer.sqlite"
    with open_database(database)() as db:
        member = make_user(db, "Lò Văn Páo", team=make_team(db))
        quiz = load_quiz()
        attempt = attempts.start(db, member.id, quiz)
        certificate = attempts.submit(
            db, member.id, attempt.token, quiz, right_answers(quiz, attempt)
        )[2]
        seal = certificates.seal_of(certificate, signing_keys.signing_key(instance))
        link = verify_link(PREFIX, certificate.code, seal)
        png = render_certificate(certificates.card(certificate, TITLE), link.qr)
    picture = tmp_path / "chung-nhan.png"
    picture.write_bytes(png)
    for leftover in instance.glob("trainer.sqlite*"):
        leftover.unlink()
    return picture, link.url


def test_keys_makes_the_pair_in_the_instance_folder_with_a_private_file(instance):
    result = run("keys")

    assert result.exit_code == 0, result.output
    private = instance / "keys" / "certificate-signing.pem"
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert "SHA256:" in result.output


def test_keys_refuses_to_replace_a_pair_unasked(instance):
    run("keys")

    result = run("keys")

    assert result.exit_code == 1
    assert "--replace" in result.output


def test_verify_reads_the_certificate_picture_with_the_database_removed(printed, instance):
    picture, _ = printed

    result = run("verify", str(picture))

    assert result.exit_code == 0, result.output
    assert "Chữ ký:    HỢP LỆ" in result.output
    assert "Họ tên:    Lò Văn Páo" in result.output
    assert f"Chủ đề:    {TITLE}" in result.output
    assert "Thu hồi:   chưa kiểm tra" in result.output
    assert not (instance / "trainer.sqlite").exists()


def test_verify_with_another_issuers_public_key_says_it_is_not_theirs(printed, tmp_path):
    picture, _ = printed
    other = tmp_path / "tinh-khac.pub.pem"
    other.write_bytes(signing_keys.public_pem(Ed25519PrivateKey.generate().public_key()))

    result = run("verify", str(picture), "--public-key", str(other))

    assert result.exit_code == 1
    assert "Chữ ký:    SAI" in result.output and "Họ tên" not in result.output


def test_verify_refuses_an_address_with_one_letter_changed(printed):
    _, url = printed
    position = len(url) - 30
    forged = url[:position] + ("B" if url[position] != "B" else "C") + url[position + 1 :]

    result = run("verify", forged)

    assert result.exit_code == 1
    assert "KHÔNG HỢP LỆ" in result.output


def test_verify_of_the_published_public_key_file_works_like_the_servers_own(printed, instance):
    _, url = printed
    public = instance / "keys" / "certificate-signing.pub.pem"

    result = run("verify", url, "--public-key", str(public))

    assert result.exit_code == 0, result.output


def test_a_typed_code_cannot_be_checked_offline_and_says_where_to_check(instance):
    run("keys")

    result = run("verify", "K7Q2-XR4M-PL9D-TT3A")

    assert result.exit_code == 2
    assert "mã QR" in result.output


def test_without_zxing_cpp_a_picture_is_refused_with_what_to_do(printed, monkeypatch):
    picture, _ = printed
    monkeypatch.setitem(sys.modules, "zxingcpp", None)

    result = run("verify", str(picture))

    assert result.exit_code == 2
    assert "pip install zxing-cpp" in result.output


def test_verify_checks_an_open_badges_file_signed_with_the_servers_key(printed, instance, tmp_path):
    _, url = printed
    sealed = certificate_seal.read(url.removeprefix(PREFIX)).sealed
    key = signing_keys.signing_key(instance)
    badge = tmp_path / "chung-nhan.json"
    badge.write_text(open_badge.signed_credential(sealed, TITLE, PREFIX[:-10], url, key))

    result = run("verify", str(badge))

    assert result.exit_code == 0, result.output
    assert "Lò Văn Páo" in result.output
    assert json.loads(badge.read_text())["proof"]["type"] == "DataIntegrityProof"
