import csv
import io
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook

from tests.factories import make_team, make_user
from tests.services.certification_clock import (
    Clock,
    load_quiz,
    open_database,
    right_answers,
)
from trainer.models import LessonProgress
from trainer.services.certification import attempts, missed_items
from trainer.services.reports import quarterly
from trainer.services.reports.quarter import Quarter

TOPICS = {"an-toan": "An toàn trên mạng"}
LESSONS = {"an-toan": ["mat-khau", "lua-dao"]}


@pytest.fixture
def db(tmp_path):
    with open_database(tmp_path / "trainer.sqlite")() as session:
        yield session


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch, datetime(2026, 2, 10, 3, 0, tzinfo=UTC))


@pytest.fixture
def team(db, clock):
    """Three members: one passed in Q1 2026, one failed, one only read a lesson."""
    team = make_team(db)
    quiz = load_quiz()
    passed, failed, reader = (make_user(db, name, team=team) for name in ("An", "Bình", "Chi"))
    for member, wrong in ((passed, 0), (failed, 3)):
        attempt = attempts.start(db, member.id, quiz)
        attempts.submit(db, member.id, attempt.token, quiz, right_answers(quiz, attempt, wrong))
    db.add(LessonProgress(user_id=reader.id, lesson_slug="mat-khau", finished_at=clock.moment))
    db.commit()
    return team


def test_a_quarter_is_read_from_its_address_and_knows_its_neighbours():
    quarter = Quarter.parse("2026-q1")

    assert (quarter.title, quarter.previous.slug, quarter.next.slug) == (
        "Quý 1/2026",
        "2025-Q4",
        "2026-Q2",
    )
    assert Quarter.parse("2026-Q5") is None


def test_the_quarter_counts_trained_and_certified_members(db, team):
    report = quarterly.quarterly(db, Quarter(2026, 1), [team.id], TOPICS, LESSONS)

    row = report.rows[0]
    assert (row.members, row.trained, row.issued, row.valid_at_end, row.expiring_next) == (
        3,
        3,
        1,
        1,
        0,
    )


def test_a_certificate_from_last_year_shows_as_expiring_in_the_quarter_before(db, team):
    report = quarterly.quarterly(db, Quarter(2026, 4), [team.id], TOPICS, LESSONS)

    row = report.rows[0]
    assert (row.trained, row.issued, row.valid_at_end, row.expiring_next) == (0, 0, 1, 1)


def test_the_csv_opens_in_excel_with_vietnamese_headings(db, team):
    report = quarterly.quarterly(db, Quarter(2026, 1), [team.id], TOPICS, LESSONS)

    text = quarterly.to_csv(report)

    assert text.startswith("\ufeffTổ,Xã/Phường,Chủ đề")
    assert "Tổ CNSCĐ-Xã Mường Phăng" in text.splitlines()[1]


def test_the_workbook_has_the_rows_and_a_totals_line(db, team):
    report = quarterly.quarterly(db, Quarter(2026, 1), [team.id], TOPICS, LESSONS)

    sheet = load_workbook(io.BytesIO(quarterly.to_xlsx(report)))["Chi tiết"]

    rows = list(sheet.iter_rows(values_only=True))
    assert rows[1][:2] == ("Tổ", "Chủ đề")
    assert rows[2][:3] == ("Tổ CNSCĐ-Xã Mường Phăng", "An toàn trên mạng", 3)
    assert rows[-1][0] == "Tổng cộng" and rows[-1][4] == 1


def test_a_total_counts_each_member_once_across_topics(db, team):
    topics = {"an-toan": "An toàn trên mạng", "nong-nghiep": "AI trong nông nghiệp"}

    report = quarterly.quarterly(db, Quarter(2026, 1), [team.id], topics, LESSONS)

    assert [row.members for row in report.rows] == [3, 3]
    assert report.total("members") == 3 and report.total("trained") == 3


def test_the_most_missed_items_come_first(db, team):
    quiz = load_quiz()

    missed = missed_items.most_missed(db, [m.id for m in team.members], quiz)

    assert sum(m.wrong for m in missed) == 3
    assert all(m.asked >= m.wrong > 0 for m in missed)


HOSTILE = {
    '=HYPERLINK("http://evil.example","Bấm")': '\'=HYPERLINK("http://evil.example","Bấm")',
    "+cmd|' /C calc'!A0": "'+cmd|' /C calc'!A0",
    "-2+3": "'-2+3",
    "@SUM(A1)": "'@SUM(A1)",
    "Tổ\x07 Hoa\x1b Ban": "Tổ Hoa Ban",
}


@pytest.fixture
def hostile_teams(db):
    """Teams and communes named like formulas, or holding control characters."""
    return [make_team(db, name, f"Xã {number}").id for number, name in enumerate(HOSTILE)] + [
        make_team(db, "Tổ Bình Thường", "=1+1").id
    ]


def test_names_that_look_like_formulas_are_plain_text_in_the_csv(db, hostile_teams):
    report = quarterly.quarterly(db, Quarter(2026, 1), hostile_teams, TOPICS, LESSONS)

    rows = list(csv.reader(io.StringIO(quarterly.to_csv(report).lstrip("\ufeff"))))

    assert sorted(row[0] for row in rows[1:-1]) == sorted([*HOSTILE.values(), "Tổ Bình Thường"])
    assert "'=1+1, Điện Biên" in [row[1] for row in rows[1:]]


def test_the_workbook_has_no_formula_and_no_control_character(db, hostile_teams):
    report = quarterly.quarterly(db, Quarter(2026, 1), hostile_teams, TOPICS, LESSONS)

    book = load_workbook(io.BytesIO(quarterly.to_xlsx(report)))

    cells = [cell for sheet in book for row in sheet.iter_rows() for cell in row]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    sheet = book["Chi tiết"]
    assert sorted(row[0].value for row in sheet.iter_rows(min_row=3, max_row=8)) == sorted(
        [*HOSTILE.values(), "Tổ Bình Thường"]
    )
