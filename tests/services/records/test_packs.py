"""Packs of records from a commune server to the province: signed, taken once, in any order."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa

from tests.factories import make_team, make_user
from tests.services.certification_clock import Clock, open_database
from trainer.models import Certificate, TravelledRecord, User
from trainer.services.certification import signing_keys
from trainer.services.records import intake, received, sending, servers
from trainer.services.records.ledger import Ledger
from trainer.services.records.pack_format import NotAPack

ISSUED = datetime(2026, 2, 10, 3, 0, tzinfo=UTC)


@pytest.fixture
def commune(tmp_path, monkeypatch):
    """A commune server with its key, one team, a member with a phone and a certificate."""
    Clock(monkeypatch)
    instance = tmp_path / "xa"
    signing_keys.make_keys(instance)
    with open_database(tmp_path / "xa.sqlite")() as session:
        team = make_team(session)
        lan = make_user(session, "Lò Thị Lan", phone="0912345678", team=team)
        session.add(
            Certificate(
                user_id=lan.id,
                topic="an-toan",
                code="ABCD2345EFGH6789",
                issued_at=ISSUED,
                expires_at=ISSUED + timedelta(days=365),
            )
        )
        session.commit()
        yield session, instance


@pytest.fixture
def province(tmp_path, commune):
    """The province's database, with the commune's key registered."""
    _, instance = commune
    with open_database(tmp_path / "tinh.sqlite")() as session:
        pem = (signing_keys.folder(instance) / signing_keys.PUBLIC).read_bytes()
        servers.register(session, "Xã Mường Phăng", pem)
        yield session


def pack_of(commune, tmp_path, name="goi.json.gz"):
    session, instance = commune
    target = tmp_path / name
    sending.export(session, instance, target)
    return target.read_bytes()


def province_ledger(province) -> Ledger:
    return Ledger.read(received.records(province))


def test_a_pack_brings_the_communes_records_to_the_province(commune, province, tmp_path):
    taken = intake.take(province, pack_of(commune, tmp_path))

    ledger = province_ledger(province)
    assert taken.server == "Xã Mường Phăng" and taken.changed == taken.records == 4
    assert [team["name"] for team in ledger.teams.values()] == ["Tổ CNSCĐ-Xã Mường Phăng"]
    assert len(ledger.members) == 1 and len(ledger.certificates) == 1


def test_no_name_and_no_phone_number_travel(commune, tmp_path):
    text = gzip.decompress(pack_of(commune, tmp_path)).decode()

    assert "0912345678" not in text and "Lò Thị Lan" not in text


def test_taking_the_same_pack_twice_changes_nothing(commune, province, tmp_path):
    data = pack_of(commune, tmp_path)
    intake.take(province, data)
    before = province.execute(sa.select(TravelledRecord.uid, TravelledRecord.digest)).all()

    again = intake.take(province, data)

    assert again.again and again.changed == 0
    assert province.execute(sa.select(TravelledRecord.uid, TravelledRecord.digest)).all() == before


def test_an_older_pack_taken_after_a_newer_one_changes_nothing(commune, province, tmp_path):
    session, _ = commune
    older = pack_of(commune, tmp_path, "cu.json.gz")
    certificate = session.scalar(sa.select(Certificate))
    certificate.revoked_at, certificate.revoke_reason = ISSUED + timedelta(days=3), "Nhầm"
    session.commit()
    newer = pack_of(commune, tmp_path, "moi.json.gz")

    intake.take(province, newer)
    late = intake.take(province, older)

    assert late.changed == 0
    assert province_ledger(province).certificates[0].revoked_at is not None


def test_an_altered_pack_is_refused_and_changes_nothing(commune, province, tmp_path):
    envelope = json.loads(gzip.decompress(pack_of(commune, tmp_path)))
    envelope["payload"]["records"][0]["body"]["name"] = "Xã Khác"
    altered = gzip.compress(json.dumps(envelope).encode())

    with pytest.raises(NotAPack, match="bị sửa"):
        intake.take(province, altered)
    assert province.scalar(sa.select(sa.func.count(TravelledRecord.id))) == 0


def test_a_pack_from_a_server_the_province_never_registered_is_refused(commune, tmp_path, province):
    stranger = tmp_path / "la"
    signing_keys.make_keys(stranger)
    session, _ = commune

    target = tmp_path / "la.json.gz"
    sending.export(session, stranger, target)

    with pytest.raises(NotAPack, match="chưa được đăng ký"):
        intake.take(province, target.read_bytes())


def test_a_file_that_is_not_a_pack_is_refused_with_a_message(province):
    with pytest.raises(NotAPack, match="không phải gói"):
        intake.take(province, b"ho_ten,so_dien_thoai\nLan,0912345678\n")


def test_a_member_who_left_the_team_leaves_the_province_figures_too(commune, province, tmp_path):
    session, _ = commune
    intake.take(province, pack_of(commune, tmp_path, "1.json.gz"))
    member = session.scalar(sa.select(User))
    member.team_id = None
    session.commit()

    intake.take(province, pack_of(commune, tmp_path, "2.json.gz"))

    assert province_ledger(province).members == {}


def test_a_server_without_a_key_is_told_to_make_one(commune, tmp_path):
    session, _ = commune

    with pytest.raises(sending.identity.NoKey, match="trainer keys"):
        sending.export(session, tmp_path / "khong-khoa", tmp_path / "goi")
