"""The commune's report as Excel: the same tables and totals as the page, and the heading."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from tests.factories import make_user
from tests.services.certification_clock import Clock
from tests.web.certification.commune_data import ten_teams
from tests.web.report_tables import report_tables
from trainer.services.field import targets


@pytest.fixture
def commune(app, session, login, monkeypatch):
    Clock(monkeypatch)  # 2 March 2026: the first quarter
    ten_teams(session, [i.key for i in targets.indicators(app.extensions["catalog"].outcomes)])
    make_user(session, "Quản trị An", "quantri", role="admin")
    login("quantri")


def sheet_tables(sheet, titles: list[str]) -> dict[str, list[list[str]]]:
    """title -> the rows under it (headings first), as text, up to the next blank row."""
    rows = [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    found = {}
    for index, row in enumerate(rows):
        if row[0] in titles:
            end = next((i for i in range(index + 1, len(rows)) if not any(rows[i])), len(rows))
            found[row[0]] = [[cell for cell in r if cell != ""] for r in rows[index + 1 : end]]
    return found


def test_every_figure_and_total_in_the_workbook_is_the_one_on_the_page(client, commune):
    page = report_tables(client.get("/bao-cao/?ky=2026-Q1").get_data(as_text=True))
    body = client.get("/bao-cao/tai.xlsx?ky=2026-Q1").data

    sheet = load_workbook(io.BytesIO(body))["Báo cáo"]

    titles = {
        "theo-to": "I. Thành viên được đào tạo, cấp chứng nhận, theo tổ",
        "theo-chu-de": "II. Theo chủ đề",
        "chi-tieu": "III. Kết quả hướng dẫn người dân so với chỉ tiêu năm 2026",
    }
    written = sheet_tables(sheet, list(titles.values()))
    for key, title in titles.items():
        rows = [row for row in written[title] if not row[0].startswith("Mỗi thành viên")]
        assert rows == page[key], key
    assert page["theo-to"][-1] == ["Cộng Xã Mường Phăng", "40", "30", "30", "30", "0"]


def test_the_workbook_opens_on_a_heading_with_the_commune_the_period_and_the_deadline(
    client, commune
):
    body = client.get("/bao-cao/tai.xlsx?ky=2026-Q1").data

    sheet = load_workbook(io.BytesIO(body))["Báo cáo"]

    heading = [sheet.cell(row, 1).value for row in range(1, 6)]
    assert heading == [
        "Xã Mường Phăng, Điện Biên",
        "BÁO CÁO KẾT QUẢ HOẠT ĐỘNG TỔ CÔNG NGHỆ SỐ CỘNG ĐỒNG",
        "Quý 1/2026 (từ ngày 01/01/2026 đến ngày 31/03/2026)",
        "Ngày lập: 02/03/2026",
        "Hạn gửi Sở Khoa học và Công nghệ: 10/04/2026",
    ]
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4


def test_a_month_has_its_own_dates_and_deadline(client, commune):
    page = client.get("/bao-cao/?ky=2026-02").get_data(as_text=True)

    assert "Tháng 2/2026: từ ngày 01/02/2026 đến ngày 28/02/2026" in page
    assert "Hạn gửi Sở Khoa học và Công nghệ: <strong>10/03/2026</strong>" in page


def test_the_deadline_rule_comes_from_configuration(client, commune):
    client.application.config.update(REPORT_DEADLINE_DAY=5, REPORT_DEADLINE_MONTH="last")

    page = client.get("/bao-cao/?ky=2026-Q1").get_data(as_text=True)

    assert "Hạn gửi Sở Khoa học và Công nghệ: <strong>05/03/2026</strong>" in page


def test_no_link_leads_to_a_period_that_has_not_started(client, commune):
    page = client.get("/bao-cao/?ky=2026-Q1").get_data(as_text=True)

    assert "2026-Q2" not in page and "2026-04" not in page
    assert "Quý 4/2025" in page
