"""Answers stay on the server; forged, repeated, replayed and foreign submissions change nothing."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from tests.factories import make_team, make_user
from tests.forms import token_from
from tests.services.certification_clock import Clock, load_quiz
from tests.web.certify import form_data, start_attempt, submit
from trainer.models import Certificate, QuizAttempt


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


@pytest.fixture
def member(session, login):
    user = make_user(session, "Lò Thị Lan", "lan", team=make_team(session))
    login("lan")
    return user


def counts(session):
    submitted = session.scalar(
        sa.select(sa.func.count(QuizAttempt.id)).where(QuizAttempt.submitted_at.is_not(None))
    )
    return submitted, session.scalar(sa.select(sa.func.count(Certificate.id)))


def test_the_quiz_page_shows_questions_and_choices_but_no_answer_or_explanation(
    client, session, member, clock
):
    attempt = start_attempt(client, session)

    page = client.get(f"/bai-lam/{attempt.token}").get_data(as_text=True)

    quiz = load_quiz()
    drawn = [item for item in quiz.items if item.id in {e["id"] for e in attempt.items}]
    for item in drawn:
        assert item.text in page
        assert item.explanation not in page
        for choice in item.choices:
            assert choice.text in page
    for word in ("answer", "correct", "dap-an", "đáp án", "checked", "selected"):
        assert word not in page.lower()


def test_choices_are_sent_as_shown_positions_in_the_shuffled_order(client, session, member, clock):
    attempt = start_attempt(client, session)
    quiz = {item.id: item for item in load_quiz().items}

    page = client.get(f"/bai-lam/{attempt.token}").get_data(as_text=True)

    for entry in attempt.items:
        item = quiz[entry["id"]]
        if item.type in ("single", "multiple"):
            texts = [item.choices[original].text for original in entry["shown"]]
            spots = [page.index(f"<span>{text}</span>") for text in texts]
            assert spots == sorted(spots)


def test_a_second_submission_of_the_same_attempt_is_refused_and_not_counted(
    client, session, member, clock
):
    attempt = start_attempt(client, session)
    first = submit(client, attempt, form_data(load_quiz(), attempt, wrong=4))
    page = client.get(first.headers["Location"])
    assert page.status_code == 200

    again = client.post(
        f"/bai-lam/{attempt.token}",
        data={"csrf_token": _token(client), **form_data(load_quiz(), attempt)},
    )

    assert again.status_code == 409
    assert "Mỗi bài chỉ nộp một lần" in again.get_data(as_text=True)
    assert counts(session) == (1, 0)
    session.expire_all()
    assert session.get(QuizAttempt, attempt.id).passed is False


def test_answers_for_items_that_were_not_drawn_are_refused(client, session, member, clock):
    attempt = start_attempt(client, session)
    drawn = {entry["id"] for entry in attempt.items}
    not_drawn = next(item.id for item in load_quiz().items if item.id not in drawn)
    data = {**form_data(load_quiz(), attempt), not_drawn: "0"}

    response = submit(client, attempt, data)

    assert response.status_code == 409
    assert counts(session) == (0, 0)


def test_a_position_that_was_never_shown_is_refused(client, session, member, clock):
    attempt = start_attempt(client, session)
    first = attempt.items[0]["id"]

    response = submit(client, attempt, {first: "7"})

    assert response.status_code == 409
    assert counts(session) == (0, 0)


def test_a_replayed_old_attempt_is_refused_after_a_retake(client, session, member, clock):
    quiz = load_quiz()
    old = start_attempt(client, session)
    submit(client, old, form_data(quiz, old, wrong=4))
    clock.forward(hours=13)
    new = start_attempt(client, session)

    replay = submit(client, new, {})  # the new attempt's page gives a fresh token
    replay_old = client.post(
        f"/bai-lam/{old.token}",
        data={"csrf_token": _token(client), **form_data(quiz, old)},
    )

    assert replay.status_code == 302
    assert replay_old.status_code == 409
    assert counts(session) == (2, 0)


def test_a_member_cannot_open_or_submit_another_members_attempt(
    client, session, member, login, clock
):
    attempt = start_attempt(client, session)
    make_user(session, "Quàng Văn Hùng", "hung", team=member.team)
    client.post("/dang-xuat", data={"csrf_token": _token(client)})
    login("hung")

    page = client.get(f"/bai-lam/{attempt.token}")
    post = client.post(
        f"/bai-lam/{attempt.token}",
        data={"csrf_token": _token(client), **form_data(load_quiz(), attempt)},
    )

    assert page.status_code == 404 and post.status_code == 404
    assert counts(session) == (0, 0)


def test_a_member_cannot_see_another_members_result(client, session, member, login, clock):
    attempt = start_attempt(client, session)
    submit(client, attempt, {})
    make_user(session, "Quàng Văn Hùng", "hung", team=member.team)
    client.post("/dang-xuat", data={"csrf_token": _token(client)})
    login("hung")

    response = client.get(f"/ket-qua/{attempt.token}")

    assert response.status_code == 404
    assert "Lò Thị Lan" not in response.get_data(as_text=True)


def test_quiz_pages_are_never_kept_by_a_cache(client, session, member, clock):
    attempt = start_attempt(client, session)

    response = client.get(f"/bai-lam/{attempt.token}")

    assert "no-store" in response.headers["Cache-Control"]


def test_submitting_without_the_anti_forgery_token_is_refused(client, session, member, clock):
    attempt = start_attempt(client, session)

    response = client.post(f"/bai-lam/{attempt.token}", data=form_data(load_quiz(), attempt))

    assert response.status_code == 400
    assert counts(session) == (0, 0)


def test_a_visitor_is_sent_to_sign_in_before_a_quiz(client):
    response = client.get("/kiem-tra/an-toan")

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/dang-nhap?next=")


def _token(client) -> str:
    """An anti-forgery token from a page every signed-in person has."""
    return token_from(client.get("/cua-toi").get_data(as_text=True))
