"""The instructor's item statistics: per item, attempts, share right, discrimination, warnings."""

from __future__ import annotations

import secrets

import pytest

from tests.factories import make_team, make_user
from tests.services.certification_clock import START, load_quiz
from trainer.models import QuizAttempt

PAGE = "/giang-vien/cau-hoi"


def stored_attempt(session, member, results: dict[str, bool]) -> None:
    right = sum(results.values())
    session.add(
        QuizAttempt(
            user_id=member.id,
            topic="an-toan",
            token=secrets.token_urlsafe(12),
            items=[],
            started_at=START,
            submitted_at=START,
            answers={},
            results=results,
            correct=right,
            total=len(results),
            score=right * 100 // len(results),
            passed=right * 100 >= 80 * len(results),
        )
    )
    session.commit()


@pytest.fixture
def attempts_made(session):
    """Six members: three strong ones who all miss the first item, three weak ones who get it."""
    ids = [item.id for item in load_quiz().items]
    team = make_team(session)
    for strong in (True, True, True, False, False, False):
        member = make_user(session, team=team)
        stored_attempt(session, member, {ids[0]: not strong, **{i: strong for i in ids[1:4]}})
    return ids


def test_an_instructor_sees_each_item_with_its_figures_and_warnings(
    client, session, login, attempts_made
):
    make_user(session, "Giảng viên Hà", "giangvien.ha", role="instructor")
    login("giangvien.ha")

    page = client.get(PAGE).get_data(as_text=True)

    first = load_quiz().items[0]
    row = page.split(first.text, 1)[1].split("</tr>", 1)[0]
    assert "<td>6</td>" in row and "<td>50%</td>" in row
    assert "<td>-1.00</td>" in row
    assert "người giỏi lại hay sai" in row


def test_the_page_is_for_instructors_only(client, session, login):
    make_user(session, "Lò Thị Lan", "lan", team=make_team(session))
    login("lan")

    assert client.get(PAGE).status_code == 403


def test_an_unknown_topic_is_not_found(client, session, login):
    make_user(session, "Giảng viên Hà", "giangvien.ha", role="instructor")
    login("giangvien.ha")

    assert client.get(PAGE, query_string={"chu-de": "khong-co"}).status_code == 404
