from pathlib import Path

from trainer.content.catalog import load_catalog
from trainer.content.model import Problem
from trainer.content.quizzes import read_quiz

BANK = Path("quizzes/an-toan.yaml")


def rewrite(content: Path, old: str, new: str, count: int = -1) -> None:
    path = content / BANK
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(content: Path, needle: str, *, last: bool = False) -> int:
    lines = (content / BANK).read_text(encoding="utf-8").splitlines()
    found = [number for number, line in enumerate(lines, 1) if needle in line]
    return found[-1] if last else found[0]


def test_a_bank_reads_every_item_type_with_answers_counted_from_zero(content):
    quiz, problems = read_quiz(content / BANK, BANK)

    assert problems == []
    assert (quiz.topic, quiz.pass_mark, quiz.draw, quiz.time_limit_minutes) == (
        "an-toan",
        80,
        4,
        10,
    )
    answers = {item.id: (item.type, item.answer) for item in quiz.items[:5]}
    assert answers == {
        "otp-ai-hoi": ("single", (1,)),
        "mat-khau-tot": ("multiple", (1, 3)),
        "cong-an-goi": ("true_false", (1,)),
        "thu-tu-xu-ly": ("order", (0, 1, 2)),
        "chon-hinh": ("picture", (0,)),
    }
    assert (quiz.items[0].lesson, quiz.items[0].step_name) == ("mat-khau", "khong-dua-mat-khau")


def test_practice_items_are_read_apart_from_the_certification_items(content):
    quiz, _ = read_quiz(content / BANK, BANK)

    assert [item.id for item in quiz.practice] == [
        "luyen-mat-khau-kho-doan",
        "luyen-cong-an-hoi-otp",
        "luyen-thu-tu-goi-la",
        "luyen-hinh-o-khoa",
    ]
    assert not {item.id for item in quiz.practice} & {item.id for item in quiz.items}
    assert quiz.practice[1].answer == (1,)


def test_a_practice_item_with_a_certification_items_id_is_reported(content):
    rewrite(content, "id: luyen-cong-an-hoi-otp", "id: cong-an-goi")

    _, problems = load_catalog(content)

    line = line_of(content, "id: cong-an-goi", last=True)
    assert problems == [Problem(BANK, line, "duplicate item id `cong-an-goi`")]


def test_an_answer_outside_the_choices_is_reported_at_its_line(content):
    rewrite(content, "answer: 2\n", "answer: 3\n")

    _, problems = load_catalog(content)

    line = line_of(content, "answer: 3")
    assert problems == [Problem(BANK, line, "`answer` must be one choice number from 1 to 2")]


def test_an_unknown_item_type_is_reported(content):
    rewrite(content, "type: single", "type: essay")

    _, problems = load_catalog(content)

    line = line_of(content, "type: essay")
    assert (
        Problem(BANK, line, "`type` must be one of: single, multiple, true_false, order, picture")
        in problems
    )


def test_a_step_that_the_lesson_does_not_have_is_reported_with_the_names_it_has(content):
    rewrite(content, "step: mat-khau#dung-cau-dai", "step: mat-khau#cau-ngan", count=1)

    _, problems = load_catalog(content)

    line = line_of(content, "id: mat-khau-tot")
    assert problems == [
        Problem(
            BANK,
            line,
            "item `mat-khau-tot`: lesson `mat-khau` has no step `cau-ngan`; "
            "its steps are: dung-cau-dai, khong-dua-mat-khau",
        )
    ]


def test_a_step_named_by_its_number_is_refused_because_numbers_move(content):
    rewrite(content, "step: mat-khau#dung-cau-dai", "step: mat-khau#1", count=1)

    _, problems = load_catalog(content)

    assert [(p.line, p.message.split(":")[0]) for p in problems] == [
        (line_of(content, "step: mat-khau#1"), "`step` names a step by its name, not its number")
    ]


def test_an_item_links_to_the_number_its_step_has_now_after_a_step_is_added_before_it(content):
    lesson = content / "lessons" / "vi" / "an-toan" / "mat-khau.md"
    text = lesson.read_text(encoding="utf-8")
    first = text.index("## Dùng câu dài")
    lesson.write_text(
        text[:first]
        + "## Bước mới chen vào\n\nMột bước mới.\n\n![Ổ khóa](an-toan/o-khoa.svg)\n\n"
        + text[first:],
        encoding="utf-8",
    )

    catalog, _ = load_catalog(content)

    item = next(i for i in catalog.quizzes["an-toan"].items if i.id == "otp-ai-hoi")
    assert (item.step_name, item.step) == ("khong-dua-mat-khau", 3)


def test_a_step_in_a_lesson_that_does_not_exist_is_reported(content):
    rewrite(content, "step: lua-dao#cuoc-goi-la", "step: khong-co#cuoc-goi-la", count=2)

    _, problems = load_catalog(content)

    assert [p.message for p in problems] == [
        "item `cong-an-goi`: no lesson `khong-co`",
        "item `thu-tu-xu-ly`: no lesson `khong-co`",
    ]


def test_drawing_more_items_than_the_bank_has_is_reported(content):
    rewrite(content, "draw: 4", "draw: 13")

    _, problems = load_catalog(content)

    assert Problem(BANK, 2, "`draw` is 13 but the bank has only 12 good items") in problems


def test_a_missing_picture_choice_is_reported_and_only_its_item_left_out(content):
    rewrite(content, "image: an-toan/ban-tay.png", "image: an-toan/khong-co.png")

    catalog, problems = load_catalog(content)

    line = line_of(content, "id: chon-hinh")
    assert problems == [Problem(BANK, line, "picture not found: media/an-toan/khong-co.png")]
    assert "chon-hinh" not in [item.id for item in catalog.quizzes["an-toan"].items]


def test_a_broken_item_drops_that_item_and_the_bank_is_still_served(content):
    rewrite(content, "answer: 2\n", "answer: 3\n", count=1)  # the first item has two choices

    catalog, problems = load_catalog(content)

    served = [item.id for item in catalog.quizzes["an-toan"].items]
    assert "otp-ai-hoi" not in served
    assert len(served) == 11
    assert len(problems) == 1  # `trainer check` still fails


def test_a_bank_left_with_fewer_good_items_than_it_draws_is_not_served(content):
    rewrite(content, "draw: 4", "draw: 12")
    rewrite(content, "answer: 2\n", "answer: 3\n", count=1)

    catalog, _ = load_catalog(content)

    assert "an-toan" not in catalog.quizzes


def test_a_problem_with_the_bank_itself_keeps_it_from_being_served(content):
    rewrite(content, "pass_mark: 80", "pass_mark: 30")

    catalog, problems = load_catalog(content)

    assert [p.line for p in problems] == [1]
    assert "an-toan" not in catalog.quizzes


def test_duplicate_item_ids_are_reported(content):
    rewrite(content, "id: mat-khau-tot", "id: otp-ai-hoi")

    _, problems = load_catalog(content)

    assert [p.message for p in problems] == ["duplicate item id `otp-ai-hoi`"]
    assert problems[0].line == line_of(content, "type: multiple") - 1


def test_an_order_item_lists_its_choices_in_order_and_has_no_answer(content):
    rewrite(
        content, "    explanation: Khóa tài khoản", "    answer: 1\n    explanation: Khóa tài khoản"
    )

    _, problems = load_catalog(content)

    assert [p.message for p in problems] == [
        "an `order` item has no `answer`: list the choices in the right order"
    ]


def test_a_bank_that_cannot_be_read_still_marks_its_topic_as_one_that_certifies(content):
    (content / BANK).write_text("items: [\n", encoding="utf-8")

    catalog, _ = load_catalog(content)

    assert "an-toan" not in catalog.quizzes and "an-toan" in catalog.banks
