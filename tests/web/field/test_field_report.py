"""The quarterly report with each village's visit figures against its targets."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from tests.forms import post_form
from tests.web.field.people import door, visit_form
from trainer.services.field import targets


@pytest.fixture
def logged(session, client, login, monkeypatch):
    """Lan logs two visits to Bản Che Căn in Q4 2026; its targets for 2026 are set."""
    place = door(session, monkeypatch)
    login("lan")
    post_form(client, "/cua-toi/nhat-ky", visit_form(place.che_can))
    post_form(
        client, "/cua-toi/nhat-ky", visit_form(place.che_can, ngay="2026-11-11", so_nguoi="5")
    )
    login.logout()
    known = [i.key for i in targets.indicators(client.application.extensions["catalog"].outcomes)]
    targets.set_targets(
        session, place.che_can.id, 2026, {"nguoi-dan": "40", "mat-khau-an-toan": "10"}, known
    )
    login("mai")
    return place


def test_the_page_shows_each_village_against_its_targets_with_a_chart(client, logged):
    page = client.get("/bao-cao/?quy=2026-Q4").get_data(as_text=True)

    table = page[page.index("Hướng dẫn người dân tại thôn, bản") :]
    row = table[table.index("Bản Che Căn</th>") :].split("</tr>")[0]
    assert "Người dân được hướng dẫn" in row
    assert '"Trong kỳ">8</td>' in row and '"Chỉ tiêu năm">40</td>' in row
    assert '"Đạt">20%</td>' in row
    chart = page[page.index('<figure class="village-chart">') :].split("</figure>")[0]
    assert "<svg" in chart and "Bản Che Căn: Người dân được hướng dẫn: 8 trên 40 (20%)" in chart
    assert "Đổi sang mật khẩu an toàn: 4 trên 10 (40%)" in chart
    assert 'width="120"' in chart  # 20 % of the 600-unit bar
    assert "<script" not in chart


def test_the_csv_carries_the_village_figures(client, logged):
    text = client.get("/bao-cao/tai.csv?quy=2026-Q4").get_data(as_text=True)

    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    che_can = [row for row in rows if row[1:3] == ["Bản Che Căn", "Người dân được hướng dẫn"]]
    assert che_can == [
        ["Tổ CNSCĐ-Xã Mường Phăng", "Bản Che Căn", "Người dân được hướng dẫn", "8", "8", "40", "20"]
    ]


def test_the_workbook_carries_the_village_figures(client, logged):
    body = client.get("/bao-cao/tai.xlsx?quy=2026-Q4").get_data()

    sheet = load_workbook(io.BytesIO(body))["Thôn bản"]
    rows = [row for row in sheet.iter_rows(values_only=True) if row[1] == "Bản Che Căn"]
    assert (
        "Tổ CNSCĐ-Xã Mường Phăng",
        "Bản Che Căn",
        "Đổi sang mật khẩu an toàn",
        4,
        4,
        10,
        40,
    ) in rows
