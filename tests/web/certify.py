"""Helpers for the certification pages: answering a quiz the way the page's form does."""

from __future__ import annotations

import sqlalchemy as sa

from tests.forms import post_form, token_from
from tests.services.certification_clock import load_quiz, right_answers
from trainer.models import QuizAttempt


def form_data(quiz, attempt: QuizAttempt, wrong: int = 0) -> dict:
    """The quiz form's fields answering attempt, the first `wrong` items wrongly."""
    by_id = {item.id: item for item in quiz.items}
    data: dict = {}
    for item_id, positions in right_answers(quiz, attempt, wrong).items():
        if by_id[item_id].type == "order":
            data.update({f"{item_id}.{p}": str(rank) for rank, p in enumerate(positions, 1)})
        else:
            data[item_id] = [str(p) for p in positions]
    return data


def start_attempt(client, session, topic: str = "an-toan") -> QuizAttempt:
    """Press "Bắt đầu làm bài" and return the attempt it opened."""
    response = post_form(client, f"/kiem-tra/{topic}", {})
    assert response.status_code == 302, response.get_data(as_text=True)
    token = response.headers["Location"].rsplit("/", 1)[1]
    return session.scalar(sa.select(QuizAttempt).where(QuizAttempt.token == token))


def submit(client, attempt: QuizAttempt, data: dict):
    """Post answers from the attempt's own quiz page, with its anti-forgery token."""
    page = client.get(f"/bai-lam/{attempt.token}").get_data(as_text=True)
    return client.post(f"/bai-lam/{attempt.token}", data={"csrf_token": token_from(page), **data})


def take_quiz(client, session, wrong: int = 0):
    """Start an attempt and submit it; returns (attempt, response)."""
    attempt = start_attempt(client, session)
    return attempt, submit(client, attempt, form_data(load_quiz(), attempt, wrong))
