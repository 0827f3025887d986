"""Every spreadsheet import route reads files through one reader: a file that is not UTF-8
or holds a 200 KB cell gets a Vietnamese message naming its line (never a 500), and a
file saved by Excel with doubled quotes is read exactly."""

from __future__ import annotations

import io

import pytest
import sqlalchemy as sa

from tests.factories import make_team, make_user, windows_vietnamese
from tests.forms import post_form
from trainer.models import Team, User, Village

TEAM = "Tổ CNSCĐ-Xã Mường Phăng"
# route, form fields besides the file, a header, a good row with {quoted} for one cell
ROUTES = {
    "teams": ("/quan-tri/nhap", {"kind": "teams"}, "ten_to,xa_phuong", "{quoted},Xã Nà Tấu"),
    "members": (
        "/quan-tri/nhap",
        {"kind": "members"},
        "ho_ten,ten_dang_nhap,to",
        f"{{quoted}},hung.quang,{TEAM}",
    ),
    "targets": (
        "/quan-tri/chi-tieu/nhap",
        {},
        "to,thon_ban,nam,nguoi_dan",
        f"{TEAM},{{quoted}},2026,40",
    ),
}
STORED = {
    "teams": sa.select(Team.name).where(Team.name != TEAM),
    "members": sa.select(User.full_name).where(User.role == "member"),
    "targets": sa.select(Village.name),
}


@pytest.fixture
def admin(app, session, client, login):
    make_team(session)
    make_user(session, "Quản trị An", "quantri", role="admin")
    login("quantri")


def upload(client, route: str, data: bytes):
    path, fields, _, _ = ROUTES[route]
    file = (io.BytesIO(data), "tep.csv")
    return post_form(client, path, {**fields, "file": file}, content_type="multipart/form-data")


def rows(route: str, quoted: str) -> str:
    _, _, header, row = ROUTES[route]
    return f"{header}\r\n{row.format(quoted=quoted)}\r\n"


@pytest.mark.parametrize("route", ROUTES)
def test_a_file_saved_by_excel_with_doubled_quotes_is_read_exactly(client, session, admin, route):
    response = upload(client, route, rows(route, '"Bản ""Mới"" 6384"').encode())

    assert response.status_code == 200
    assert session.scalars(STORED[route]).all() == ['Bản "Mới" 6384']


@pytest.mark.parametrize("route", ROUTES)
def test_a_file_not_in_utf_8_gets_a_vietnamese_message_with_its_line(client, session, admin, route):
    response = upload(client, route, windows_vietnamese(rows(route, "Bản Mới")))

    assert response.status_code == 200
    assert "Dòng 2: có chữ không đọc được bằng bảng mã UTF-8" in response.get_data(as_text=True)
    assert session.scalars(STORED[route]).all() == []


@pytest.mark.parametrize("route", ROUTES)
def test_a_file_with_a_200_kb_cell_gets_a_vietnamese_message_with_its_line(
    client, session, admin, route
):
    response = upload(client, route, rows(route, '"' + "x" * 200_000 + '"').encode())

    assert response.status_code == 200
    assert "Dòng 2: có ô dài quá 128 KB" in response.get_data(as_text=True)
    assert session.scalars(STORED[route]).all() == []


def test_the_targets_import_reads_an_old_excel_file_when_its_encoding_is_chosen(
    client, session, admin
):
    path, _, _, _ = ROUTES["targets"]
    data = windows_vietnamese(rows("targets", "Bản Mới"))
    file = (io.BytesIO(data), "tep.csv")

    post_form(
        client, path, {"encoding": "cp1258", "file": file}, content_type="multipart/form-data"
    )

    assert session.scalars(STORED["targets"]).all() == ["Bản Mới"]
