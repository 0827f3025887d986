"""The result page lists the items as they were graded, whatever the bank says later."""

from __future__ import annotations

import html
import re

import sqlalchemy as sa

from tests.factories import make_team, make_user
from tests.services.certification_clock import Clock, load_quiz
from tests.web.certify import take_quiz
from trainer.models import QuizAttempt


def wrong_items(page: str) -> list[str]:
    return re.findall(r'<li class="wrong">\s*<p class="question-text">([^<]*)</p>', page)


def test_a_result_shows_the_same_wrong_items_after_the_bank_changed(
    make_app, content, client, session, login, monkeypatch
):
    Clock(monkeypatch)
    make_user(session, "Lò Thị Lan", "lan", team=make_team(session))
    login("lan")
    attempt, response = take_quiz(client, session, wrong=2)
    address = response.headers["Location"]
    at_submission = wrong_items(client.get(address).get_data(as_text=True))
    bank = content / "quizzes" / "an-toan.yaml"
    texts = {item.id: item.text for item in load_quiz().items}
    changed = bank.read_text(encoding="utf-8")
    for text in texts.values():
        changed = changed.replace(f"text: {text}", f"text: Đã sửa — {text}")
    # and a right choice (one only: moving them all would make the bank fail its bias rules)
    changed = changed.replace("    answer: 2\n", "    answer: 1\n", 1)
    bank.write_text(changed, encoding="utf-8")
    later_app = make_app(content)  # a server started after the bank was corrected
    later = later_app.test_client()
    login.__class__(later)("lan")

    after_change = wrong_items(later.get(address).get_data(as_text=True))

    session.expire_all()
    stored = session.scalar(sa.select(QuizAttempt).where(QuizAttempt.id == attempt.id))
    assert len(at_submission) == 2 == stored.total - stored.correct
    assert after_change == at_submission
    bank_now = later_app.extensions["catalog"].quizzes["an-toan"]
    assert all(item.text.startswith("Đã sửa") for item in bank_now.items)


def test_the_result_shows_each_question_whether_right_and_what_was_chosen_if_not_but_no_key(
    client, session, login, monkeypatch
):
    Clock(monkeypatch)
    make_user(session, "Lò Thị Lan", "lan", team=make_team(session))
    login("lan")
    attempt, response = take_quiz(client, session, wrong=2)

    page = html.unescape(client.get(response.headers["Location"]).get_data(as_text=True))

    session.expire_all()
    graded = session.get(QuizAttempt, attempt.id).graded
    assert page.count('<p class="question-text">') == len(graded)
    assert page.count("✓ <strong>Đúng</strong>") == len(graded) - 2
    assert page.count("✗ <strong>Chưa đúng</strong>") == 2
    assert page.count("Học lại: “") == 2
    questions = re.findall(r'<li class="(?:right|wrong)">(.*?)</li>', page, re.S)
    assert len(questions) == len(graded)
    for entry, shown_item in zip(graded, questions, strict=True):  # in the order answered
        chosen = [entry["choices"][p]["text"] for p in entry["given"]]
        joiner = " → " if entry["type"] == "order" else "; "
        given = re.search(r'<p class="given">.*?</p>', shown_item, re.S)
        if entry["correct"]:
            assert given is None  # a right choice is never repeated
        else:
            assert f"<strong>{joiner.join(chosen)}</strong>" in given.group(0)
        assert entry["explanation"] not in page
        if not entry["correct"] and entry["type"] != "order":
            right = {entry["choices"][p]["text"] for p in entry["right"]}
            unchosen_right = right - set(chosen)
            assert all(f"<strong>{text}</strong>" not in given.group(0) for text in unchosen_right)
