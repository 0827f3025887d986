import csv
import io
from datetime import UTC, date, datetime

import pytest
from openpyxl import load_workbook

from tests.factories import make_team, make_user
from tests.services.certification_clock import open_database
from tests.services.visit_entries import TOPICS, content_outcomes
from trainer.models import Visit
from trainer.services.field import targets, villages
from trainer.services.reports import quarterly
from trainer.services.reports.quarter import Quarter

LESSONS = {"an-toan": ["mat-khau", "lua-dao"], "nong-nghiep": []}
INDICATORS = targets.indicators(content_outcomes())
Q4 = Quarter(2026, 4)


@pytest.fixture
def db(tmp_path):
    with open_database(tmp_path / "trainer.sqlite")() as session:
        yield session


@pytest.fixture
def team(db):
    """Bản Che Căn: two visits in Q4 and one in Q3, targets for 2026; Bản Bua: none."""
    team = make_team(db)
    che_can = villages.add_village(db, team.id, "Bản Che Căn")
    villages.add_village(db, team.id, "Bản Bua")
    member = make_user(db, team=team)
    for key, day, residents, households, outcomes in (
        ("a", date(2026, 8, 20), 4, 2, {"gia-dinh-so": 1}),
        ("b", date(2026, 10, 3), 3, 1, {"mat-khau-an-toan": 2, "gia-dinh-so": 1}),
        ("c", date(2026, 12, 31), 5, 3, {"mat-khau-an-toan": 4}),
        ("d", date(2027, 1, 1), 9, 9, {}),  # next year: counts nowhere here
    ):
        db.add(
            Visit(
                user_id=member.id,
                village=che_can,
                visited_on=day,
                residents=residents,
                households=households,
                topics=["an-toan"],
                outcomes=outcomes,
                client_key=key,
                created_at=datetime(2026, 8, 20, tzinfo=UTC),
            )
        )
    db.commit()
    targets.set_targets(
        db,
        che_can.id,
        2026,
        {"nguoi-dan": "40", "ho-gia-dinh": "12", "gia-dinh-so": "8"},
        [i.key for i in INDICATORS],
    )
    return team


def quarter_report(db, team):
    return quarterly.quarterly(db, Q4, [team.id], TOPICS, LESSONS, INDICATORS)


def test_each_village_shows_the_quarter_the_year_so_far_and_its_target(db, team):
    report = quarter_report(db, team)

    assert [
        (r.village, r.key, r.quarter, r.year_to_date, r.target, r.percent) for r in report.villages
    ] == [
        ("Bản Bua", "nguoi-dan", 0, 0, None, None),
        ("Bản Bua", "ho-gia-dinh", 0, 0, None, None),
        ("Bản Che Căn", "nguoi-dan", 8, 12, 40, 30),
        ("Bản Che Căn", "ho-gia-dinh", 4, 6, 12, 50),
        ("Bản Che Căn", "gia-dinh-so", 1, 2, 8, 25),
        ("Bản Che Căn", "mat-khau-an-toan", 6, 6, None, None),
    ]


def test_the_training_figures_stay_beside_the_field_figures(db, team):
    report = quarter_report(db, team)

    assert [row.topic for row in report.rows] == ["An toàn trên mạng", "Nông nghiệp"]


def test_the_csv_carries_the_village_figures_after_the_training_table(db, team):
    lines = list(
        csv.reader(io.StringIO(quarterly.to_csv(quarter_report(db, team)).lstrip("\ufeff")))
    )

    title = lines.index(["Kết quả hướng dẫn người dân tại thôn, bản"])
    assert lines[title + 1][:3] == ["Tổ", "Thôn/bản", "Chỉ tiêu"]
    assert lines[title + 4] == [
        "Tổ CNSCĐ-Xã Mường Phăng",
        "Bản Che Căn",
        "Người dân được hướng dẫn",
        "8",
        "12",
        "40",
        "30",
    ]


def test_the_workbook_has_a_village_sheet_read_back_with_openpyxl(db, team):
    book = load_workbook(io.BytesIO(quarterly.to_xlsx(quarter_report(db, team))))

    rows = list(book["Thôn bản"].iter_rows(values_only=True))
    assert rows[0][0] == "Kết quả hướng dẫn người dân tại thôn, bản — Quý 4/2026"
    assert rows[1] == (
        "Tổ",
        "Thôn/bản",
        "Chỉ tiêu",
        "Trong kỳ",
        "Từ đầu năm",
        "Chỉ tiêu năm",
        "Đạt (%)",
    )
    assert rows[6] == (
        "Tổ CNSCĐ-Xã Mường Phăng",
        "Bản Che Căn",
        "Hộ có thêm người dùng thành thạo kỹ năng số",
        1,
        2,
        8,
        25,
    )
    assert book.sheetnames == ["Báo cáo", "Chi tiết", "Thôn bản"]


def test_a_report_without_indicators_has_no_village_part(db, team):
    report = quarterly.quarterly(db, Q4, [team.id], TOPICS, LESSONS)

    assert report.villages == () and "thôn, bản" not in quarterly.to_csv(report)
