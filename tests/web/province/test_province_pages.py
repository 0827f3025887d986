"""The province's pages: its report for the Department's read-only staff, and packs taken in."""

from __future__ import annotations

import gzip
import io
import json

import pytest

from tests.factories import make_team, make_user
from tests.services.certification_clock import Clock, open_database
from tests.web.report_tables import report_tables
from trainer.services.certification import signing_keys
from trainer.services.records import sending, servers


@pytest.fixture
def commune_pack(tmp_path, monkeypatch):
    """A pack from another server: Xã Thanh Nưa, one team of two members."""
    Clock(monkeypatch)
    instance = tmp_path / "xa"
    signing_keys.make_keys(instance)
    with open_database(tmp_path / "xa.sqlite")() as other:
        team = make_team(other, "Tổ CNSCĐ-Xã Thanh Nưa", "Xã Thanh Nưa", "", "Điện Biên")
        make_user(other, "Quàng Văn Hùng", team=team)
        make_user(other, "Lò Văn Minh", team=team)
        sending.export(other, instance, tmp_path / "goi")
    return (signing_keys.folder(instance) / signing_keys.PUBLIC).read_bytes(), (
        tmp_path / "goi"
    ).read_bytes()


@pytest.fixture
def staff(session, login):
    make_user(session, "Cán bộ Sở", "canbo", role="province")
    login("canbo")


def upload(client, data: bytes):
    page = client.get("/tinh/goi-so-lieu").get_data(as_text=True)
    token = page.split('name="csrf_token" value="')[1].split('"')[0]
    return client.post(
        "/tinh/goi-so-lieu",
        data={"csrf_token": token, "goi": (io.BytesIO(data), "xa-thanh-nua.goi")},
        content_type="multipart/form-data",
    )


def test_a_registered_communes_file_uploaded_shows_in_the_province_table(
    client, session, staff, commune_pack
):
    key, pack = commune_pack
    servers.register(session, "Xã Thanh Nưa", key)

    answer = upload(client, pack).get_data(as_text=True)
    table = report_tables(client.get("/tinh/?ky=2026-Q1").get_data(as_text=True))["theo-xa"]

    assert "Đã nhận gói của <strong>Xã Thanh Nưa</strong>" in answer
    assert table[1][:3] == ["Xã Thanh Nưa, Điện Biên", "1", "2"]
    assert table[-1][0] == "Toàn tỉnh" and table[-1][2] == "2"


def test_an_altered_file_is_refused_with_a_reason(client, session, staff, commune_pack):
    key, pack = commune_pack
    servers.register(session, "Xã Thanh Nưa", key)
    envelope = json.loads(gzip.decompress(pack))
    envelope["payload"]["records"][0]["body"]["name"] = "Xã Khác"

    response = upload(client, gzip.compress(json.dumps(envelope).encode()))

    assert response.status_code == 400
    assert "Gói đã bị sửa sau khi xã ký" in response.get_data(as_text=True)


def test_a_registered_commune_that_sent_nothing_is_listed_as_missing(
    client, session, staff, commune_pack
):
    servers.register(session, "Xã Thanh Nưa", commune_pack[0])

    page = client.get("/tinh/?ky=2026-Q1").get_data(as_text=True)

    missing = page[page.index('id="chua-gui"') :].split("</section>")[0]
    assert "Xã Thanh Nưa" in missing


def test_the_push_address_refuses_what_is_not_a_pack_without_a_500(client):
    response = client.post("/tinh/nhan-so-lieu", data=b"\x1f\x8bnot really")

    assert response.status_code == 400
    assert "không phải gói số liệu" in response.get_json()["error"]


def test_the_province_staff_read_every_commune_report_but_change_nothing(client, session, staff):
    make_team(session)

    report = client.get("/bao-cao/?ky=2026-Q1")
    new_team = client.get("/quan-tri/to-moi")

    assert report.status_code == 200 and "Tổ CNSCĐ-Xã Mường Phăng" in report.get_data(as_text=True)
    assert new_team.status_code == 403


@pytest.mark.parametrize("role", ["member", "instructor"])
def test_only_the_province_staff_and_admins_open_the_province_report(client, session, login, role):
    make_user(session, "Người khác", "khac", role=role)
    login("khac")

    assert client.get("/tinh/").status_code == 403


def test_the_new_team_form_asks_for_no_district(client, session, login):
    make_user(session, "Quản trị An", "quantri", role="admin")
    login("quantri")

    page = client.get("/quan-tri/to-moi").get_data(as_text=True)

    assert "Huyện" not in page and "Tỉnh hoặc thành phố" in page


def test_the_staffs_own_page_leads_to_the_province_report(client, staff):
    page = client.get("/cua-toi").get_data(as_text=True)

    assert 'href="/tinh/"' in page and "Báo cáo toàn tỉnh" in page
