import dataclasses

import pytest

from tests.factories import make_team, make_user
from tests.services.certification_clock import Clock, load_quiz, open_database, right_answers
from trainer.content.model import Choice
from trainer.services.certification import attempts, graded_record


@pytest.fixture
def db(tmp_path):
    with open_database(tmp_path / "trainer.sqlite")() as session:
        yield session


@pytest.fixture
def quiz():
    return load_quiz()


@pytest.fixture
def submitted(db, quiz, monkeypatch):
    """A member's attempt submitted with its first two items answered wrongly."""
    Clock(monkeypatch)
    member = make_user(db, "Lò Văn Páo", team=make_team(db))
    attempt = attempts.start(db, member.id, quiz)
    answers = right_answers(quiz, attempt, wrong=2)
    return attempts.submit(db, member.id, attempt.token, quiz, answers)[0]


def corrected(quiz):
    """The bank after an author rewrote every item: new words, new answers, new choices."""
    items = []
    for item in quiz.items:
        choices = tuple(Choice(f"{choice.text} (sửa)", choice.image) for choice in item.choices)
        answer = tuple(range(len(choices))) if item.type == "order" else (0,)
        items.append(
            dataclasses.replace(
                item, text=f"Câu đã sửa: {item.text}", choices=choices, answer=answer
            )
        )
    return dataclasses.replace(quiz, items=tuple(items))


def test_the_record_keeps_each_item_as_shown_with_what_was_chosen_and_what_was_right(
    submitted, quiz
):
    by_id = {item.id: item for item in quiz.items}

    shown = graded_record.reviewed(submitted, quiz)

    assert [item.id for item in shown] == [entry["id"] for entry in submitted.items]
    for item, entry in zip(shown, submitted.items, strict=True):
        bank = by_id[item.id]
        assert item.text == bank.text and item.explanation == bank.explanation
        assert item.choices == tuple(bank.choices[p] for p in entry["shown"])
        right = [entry["shown"][p] for p in item.right]
        assert right == list(bank.answer) if bank.type == "order" else sorted(right)
    assert [item.correct for item in shown] == [False, False] + [True] * (len(shown) - 2)


def test_a_bank_changed_after_submission_lists_the_same_wrong_items_as_at_submission(
    submitted, quiz
):
    at_submission = graded_record.wrong(submitted, quiz)

    later = graded_record.wrong(submitted, corrected(quiz))

    assert len(at_submission) == 2 == submitted.total - submitted.correct
    assert later == at_submission
    assert all("(sửa)" not in choice.text for item in later for choice in item.choices)


def test_an_attempt_stored_before_records_lists_its_stored_wrong_items(submitted, quiz, db):
    submitted.graded = None  # as every attempt submitted before the record existed

    wrong = graded_record.wrong(submitted, quiz)

    assert [item.id for item in wrong] == [
        item_id for item_id, right in submitted.results.items() if not right
    ]


def test_an_old_attempt_whose_item_changed_shape_still_counts_it_wrong(submitted, quiz):
    submitted.graded = None
    first = submitted.items[0]["id"]
    fewer = tuple(
        dataclasses.replace(item, choices=item.choices[:1], answer=(0,))
        if item.id == first
        else item
        for item in quiz.items
    )

    wrong = graded_record.wrong(submitted, dataclasses.replace(quiz, items=fewer))

    assert len(wrong) == 2
    assert wrong[0].text == graded_record.CHANGED and wrong[0].choices == ()
