"""The quarterly report as a page, a CSV file and an Excel file."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from tests.factories import make_team, make_user
from tests.forms import Login
from tests.services.certification_clock import Clock
from tests.web.certify import take_quiz
from tests.web.report_tables import report_tables


@pytest.fixture
def teams(session, client, login, monkeypatch):
    Clock(monkeypatch)  # 2 March 2026: the first quarter
    phang = make_team(session)
    thanh = make_team(session, "Tổ CNSCĐ-Xã Thanh Nưa", "Xã Thanh Nưa")
    make_user(session, "Lò Thị Lan", "lan", team=phang)
    make_user(session, "Quàng Văn Hùng", "hung", team=thanh)
    make_user(session, "Giảng viên Mai", "mai", role="instructor", manages=[phang])
    make_user(session, "Quản trị An", "quantri", role="admin")
    login("lan")
    take_quiz(client, session)
    login.logout()
    return phang, thanh


def test_the_page_counts_certificates_for_the_instructors_teams_only(client, login, teams):
    login("mai")

    page = client.get("/bao-cao/?quy=2026-Q1").get_data(as_text=True)

    assert "Báo cáo Quý 1/2026" in page
    assert "Tổ CNSCĐ-Xã Thanh Nưa" not in page
    assert report_tables(page)["theo-to"][1:] == [
        ["Tổ CNSCĐ-Xã Mường Phăng", "1", "1", "1", "1", "0"],
        ["Cộng Xã Mường Phăng", "1", "1", "1", "1", "0"],
    ]


def test_an_instructor_cannot_ask_for_a_team_they_do_not_manage(client, login, teams):
    login("mai")

    response = client.get(f"/bao-cao/?quy=2026-Q1&to={teams[1].id}")

    assert response.status_code == 404


def test_the_csv_file_downloads_with_vietnamese_headings(client, login, teams):
    login("mai")

    response = client.get("/bao-cao/tai.csv?quy=2026-Q1")

    assert response.headers["Content-Disposition"].endswith('2026-Q1.csv"')
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[0][:3] == ["Tổ", "Xã/Phường", "Chủ đề"]
    assert rows[1][1] == "Xã Mường Phăng, Điện Biên"  # no district: there are none since 2025
    assert rows[1][0] == "Tổ CNSCĐ-Xã Mường Phăng" and rows[1][5] == "1"


def test_the_csv_file_names_its_charset_once(client, login, teams):
    login("mai")

    response = client.get("/bao-cao/tai.csv?quy=2026-Q1")

    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"


def test_an_admin_downloads_every_team_as_excel(client, login, teams):
    login("quantri")

    response = client.get("/bao-cao/tai.xlsx?quy=2026-Q1")

    sheet = load_workbook(io.BytesIO(response.data))["Chi tiết"]
    names = [row[0] for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert names == ["Tổ CNSCĐ-Xã Mường Phăng", "Tổ CNSCĐ-Xã Thanh Nưa", "Tổng cộng"]


def test_a_quarter_with_nothing_issued_reports_zero(client, login, teams):
    login("mai")

    response = client.get("/bao-cao/tai.csv?quy=2025-Q4")

    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))
    assert rows[1][5:] == ["0", "0", "0"]


def test_a_bank_that_cannot_be_read_after_a_restart_hides_no_certificate(make_app, content, teams):
    (content / "quizzes/an-toan.yaml").write_text("items: [\n", encoding="utf-8")
    restarted = make_app(content)
    member, instructor = restarted.test_client(), restarted.test_client()
    Login(member)("lan")
    Login(instructor)("mai")

    mine = member.get("/chung-nhan").get_data(as_text=True)
    text = instructor.get("/bao-cao/tai.csv?quy=2026-Q1").get_data(as_text=True)

    assert "Đã đạt, có giá trị đến" in mine
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert [row[3:7] for row in rows[1:]] == [["1", "1", "1", "1"], ["1", "1", "1", "1"]]
