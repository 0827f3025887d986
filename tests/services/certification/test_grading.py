import dataclasses
import random
from pathlib import Path

import pytest

from trainer.content.quizzes import read_quiz
from trainer.services.certification.grading import Drawn, ForgedAnswers, draw, grade

BANK = Path(__file__).resolve().parents[2] / "data" / "content" / "quizzes" / "an-toan.yaml"


@pytest.fixture
def quiz():
    quiz, problems = read_quiz(BANK, BANK)
    assert problems == []
    return quiz


def every_item(quiz, rng=None):
    """The first five items (one of each type) drawn, each with its choices shuffled."""
    rng = rng or random.Random(7)
    return tuple(
        Drawn(item.id, tuple(rng.sample(range(len(item.choices)), len(item.choices))))
        for item in quiz.items[:5]
    )


def right_answers(quiz, drawn):
    """Shown positions a member who knows every answer would send."""
    by_id = {item.id: item for item in quiz.items}
    return {
        entry.item_id: [entry.shown.index(choice) for choice in by_id[entry.item_id].answer]
        for entry in drawn
    }


def test_a_draw_picks_the_banks_number_of_distinct_items(quiz):
    drawn = draw(quiz, random.Random(1))

    assert len(drawn) == quiz.draw == 4
    assert len({entry.item_id for entry in drawn}) == 4


def test_two_draws_differ_in_items_or_order(quiz):
    first = [draw(quiz, random.Random(seed)) for seed in range(10)]

    assert len({tuple(d) for d in first}) > 1


def test_an_order_item_is_never_shown_already_in_order(quiz):
    order_item = next(item for item in quiz.items if item.type == "order")
    one_item = type(quiz)(quiz.topic, 80, 1, (order_item,))

    shown = {draw(one_item, random.Random(seed))[0].shown for seed in range(40)}

    assert (0, 1, 2) not in shown
    assert len(shown) > 1


def test_true_false_keeps_dung_before_sai(quiz):
    true_false = next(item for item in quiz.items if item.type == "true_false")
    one_item = type(quiz)(quiz.topic, 80, 1, (true_false,))

    assert {draw(one_item, random.Random(seed))[0].shown for seed in range(10)} == {(0, 1)}


def test_every_right_answer_passes_with_full_marks(quiz):
    drawn = every_item(quiz)

    result = grade(quiz, drawn, right_answers(quiz, drawn))

    assert (result.right, result.total, result.score, result.passed) == (5, 5, 100, True)
    assert result.wrong == ()


def test_a_multiple_choice_item_needs_every_right_choice_and_no_other(quiz):
    drawn = every_item(quiz)
    answers = right_answers(quiz, drawn)
    answers["mat-khau-tot"] = answers["mat-khau-tot"][:1]

    result = grade(quiz, drawn, answers)

    assert [mark.item.id for mark in result.wrong] == ["mat-khau-tot"]


def test_steps_in_a_wrong_order_are_marked_wrong(quiz):
    drawn = every_item(quiz)
    answers = right_answers(quiz, drawn)
    answers["thu-tu-xu-ly"] = list(reversed(answers["thu-tu-xu-ly"]))

    result = grade(quiz, drawn, answers)

    assert [mark.item.id for mark in result.wrong] == ["thu-tu-xu-ly"]


def test_an_unanswered_item_counts_as_wrong(quiz):
    drawn = every_item(quiz)
    answers = right_answers(quiz, drawn)
    del answers["chon-hinh"]

    result = grade(quiz, drawn, answers)

    assert [mark.item.id for mark in result.wrong] == ["chon-hinh"]


def test_four_right_out_of_five_meets_a_pass_mark_of_80(quiz):
    drawn = every_item(quiz)
    answers = right_answers(quiz, drawn)
    answers["cong-an-goi"] = [1 - answers["cong-an-goi"][0]]

    result = grade(quiz, drawn, answers)

    assert (result.score, result.passed) == (80, True)


def test_three_right_out_of_five_fails(quiz):
    drawn = every_item(quiz)
    answers = right_answers(quiz, drawn)
    answers["cong-an-goi"] = [1 - answers["cong-an-goi"][0]]
    answers["otp-ai-hoi"] = [1 - answers["otp-ai-hoi"][0]]

    result = grade(quiz, drawn, answers)

    assert (result.score, result.passed) == (60, False)


def test_an_answer_for_an_item_that_was_not_drawn_is_forged(quiz):
    drawn = every_item(quiz)[:2]
    answers = right_answers(quiz, every_item(quiz))

    with pytest.raises(ForgedAnswers):
        grade(quiz, drawn, answers)


def test_a_position_that_was_not_shown_is_forged(quiz):
    drawn = every_item(quiz)

    with pytest.raises(ForgedAnswers):
        grade(quiz, drawn, {"otp-ai-hoi": [5]})


def test_a_drawn_item_survives_a_round_trip_through_json():
    entry = Drawn("otp-ai-hoi", (1, 0))

    assert Drawn.from_json(entry.to_json()) == entry


def test_an_item_whose_choices_changed_since_the_draw_is_left_out_not_crashed_on(quiz):
    drawn = every_item(quiz)
    answers = right_answers(quiz, drawn)
    changed = [Drawn("otp-ai-hoi", (2, 0, 1)), *drawn[1:]]  # the bank had three choices then

    result = grade(quiz, changed, answers)

    assert result.total == 4 and result.score == 100


def with_lessons(quiz, lessons):
    """The bank with its items spread over the given lessons, in turn."""
    items = tuple(
        dataclasses.replace(item, lesson=lessons[n % len(lessons)])
        for n, item in enumerate(quiz.items)
    )
    return dataclasses.replace(quiz, items=items)


def test_every_draw_tests_every_lesson_even_one_with_a_single_item(quiz):
    lessons = ["mat-khau"] * 11 + ["lua-dao"]  # only item 12 teaches lua-dao
    bank = with_lessons(quiz, lessons)

    tested = [
        {bank_item.lesson for bank_item in bank.items if bank_item.id in ids}
        for ids in (
            {entry.item_id for entry in draw(bank, random.Random(seed))} for seed in range(50)
        )
    ]

    assert all(lessons_tested == {"mat-khau", "lua-dao"} for lessons_tested in tested)


def test_with_more_lessons_than_the_draw_every_item_comes_from_another_lesson(quiz):
    bank = with_lessons(quiz, [f"bai-{n}" for n in range(6)])  # 6 lessons, a draw of 4
    lesson_of = {item.id: item.lesson for item in bank.items}

    for seed in range(20):
        drawn = draw(bank, random.Random(seed))
        assert len({lesson_of[entry.item_id] for entry in drawn}) == 4


def test_a_draw_avoids_the_items_seen_before_while_the_bank_has_others(quiz):
    for seed in range(20):
        first = {entry.item_id for entry in draw(quiz, random.Random(seed))}
        second = {entry.item_id for entry in draw(quiz, random.Random(seed + 99), seen=first)}

        assert first.isdisjoint(second)


def test_choices_marked_shuffle_false_keep_their_written_order(quiz):
    kept = dataclasses.replace(quiz.items[5], shuffle=False)
    one_item = type(quiz)(quiz.topic, 80, 1, (kept,))

    assert {draw(one_item, random.Random(seed))[0].shown for seed in range(10)} == {(0, 1, 2)}
