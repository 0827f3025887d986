"""The limits that keep a step one screen and one breath: words with boxes, sentence length."""

from pathlib import Path

from tests.factories import GOOD_BODY, line_of, write_lesson
from trainer.content.lessons import read_lesson
from trainer.content.model import Problem


def read(root: Path, shown: Path, language: str = "vi"):
    return read_lesson(root / shown, shown, language)


def body_with(text: str, boxes: str = "") -> str:
    return GOOD_BODY.replace("Làm theo hướng dẫn.", text) + boxes


def test_a_step_of_forty_words_with_boxes_past_fifty_is_too_long(tmp_path):
    step = ". ".join(["Bấm nút xanh"] * 13) + "."  # 39 words
    careful = "\n::: careful\n" + ". ".join(["Không bấm"] * 6) + ".\n:::\n"  # 12 words
    shown = write_lesson(tmp_path, body=body_with(step, careful))

    _, problems = read(tmp_path, shown)

    assert problems == [
        Problem(
            shown,
            line_of(tmp_path, shown, "## Bước đầu"),
            "step too long with its boxes: 51 words; keep the step and its boxes to 50: "
            "shorten a box or split the step",
        )
    ]


def test_a_step_of_fifty_words_with_its_boxes_passes(tmp_path):
    step = ". ".join(["Bấm nút xanh"] * 13) + "."  # 39 words
    tip = "\n::: tip\n" + ". ".join(["Chờ một chút"] * 3) + " nhé.\n:::\n"  # 10 words
    shown = write_lesson(tmp_path, body=body_with(step, tip))

    _, problems = read(tmp_path, shown)

    assert problems == []


def test_a_sentence_over_twenty_syllables_is_reported_at_its_line(tmp_path):
    sentence = " ".join(["chữ"] * 21) + "."
    shown = write_lesson(tmp_path, body=body_with(f"Câu ngắn.\n{sentence}"))

    _, problems = read(tmp_path, shown)

    assert problems == [
        Problem(
            shown,
            line_of(tmp_path, shown, "Câu ngắn."),
            "sentence of 21 syllables; keep each to 20 (split it in two): "
            "«chữ chữ chữ chữ chữ chữ chữ chữ …»",
        )
    ]


def test_a_long_sentence_in_a_box_is_reported_too(tmp_path):
    careful = "\n::: careful\n" + " ".join(["không"] * 22) + ".\n:::\n"
    shown = write_lesson(tmp_path, body=body_with("Làm theo.", careful))

    _, problems = read(tmp_path, shown)

    assert [problem.line for problem in problems] == [line_of(tmp_path, shown, "không không")]
    assert problems[0].message.startswith("sentence of 22 syllables")


def test_a_sentence_of_sixteen_to_twenty_syllables_is_a_warning_not_a_problem(tmp_path):
    sentence = " ".join(["chữ"] * 17) + "."
    shown = write_lesson(tmp_path, body=body_with(sentence))

    lesson, problems = read(tmp_path, shown)

    assert problems == []
    assert [str(advice) for advice in lesson.advice] == [
        f"{shown}:{line_of(tmp_path, shown, 'chữ chữ')}: warning: sentence of 17 syllables; "
        "under 16 is easier to follow by ear: «chữ chữ chữ chữ chữ chữ chữ chữ …»"
    ]


def test_web_addresses_and_numbers_do_not_end_a_sentence(tmp_path):
    sentence = "Vào binhdanhocvuso.gov.vn, nộp 25.000 đồng: " + " ".join(["xong"] * 8) + "."
    shown = write_lesson(tmp_path, body=body_with(sentence))

    lesson, _ = read(tmp_path, shown)

    assert lesson.advice == ()  # split at the colon: 6 and 8 syllables


def test_a_draft_translation_keeps_to_the_same_sentence_limit(tmp_path):
    sentence = " ".join(["lus"] * 21) + "."
    shown = write_lesson(
        tmp_path,
        "dan_toc/hmn/bai-moi.md",
        body=body_with(sentence),
        language="hmn",
        status="draft",
        topic=None,
        order=None,
        minutes=None,
        sources=None,
    )

    _, problems = read(tmp_path, shown, "hmn")

    assert [problem.message.split(";")[0] for problem in problems] == ["sentence of 21 syllables"]
