"""Words in a drawing must stay readable at the size the phone shows the drawing."""

from pathlib import Path
from xml.etree import ElementTree

from tests.factories import line_of
from trainer.content.catalog import load_catalog
from trainer.content.model import Problem
from trainer.content.picture_text import rendered_px, smallest_text

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300">{}</svg>'


def drawing(inside: str) -> str:
    return SVG.format(inside)


def test_the_smallest_text_counts_inherited_sizes_styles_and_scaling():
    root = ElementTree.fromstring(
        drawing(
            '<g font-size="30"><text x="1" y="1">To</text></g>'
            '<text style="font-size: 20px">Vừa</text>'
            '<g transform="translate(5 5) scale(0.5)"><text font-size="30">Nhỏ</text></g>'
        )
    )

    assert smallest_text(root) == (15.0, "Nhỏ")


def test_a_drawing_without_words_has_no_smallest_text():
    assert smallest_text(ElementTree.fromstring(drawing('<rect width="4" height="4"/>'))) is None


def test_a_font_size_of_15_in_a_400_wide_drawing_is_12_px_in_a_lesson_on_a_phone():
    assert rendered_px(15, 400, 320) == 12


def write_picture(content, name: str, font_size: float) -> None:
    (content / "media" / "an-toan" / name).write_text(
        drawing(f'<text x="10" y="40" font-size="{font_size}">Bộ Công an</text>'),
        encoding="utf-8",
    )


def test_lesson_text_under_12_px_on_a_phone_is_reported_at_the_lesson_line(content):
    write_picture(content, "o-khoa.svg", 13)
    lesson = Path("lessons/vi/an-toan/mat-khau.md")
    quiz = Path("quizzes/an-toan.yaml")

    _, problems = load_catalog(content)

    assert {
        Problem(
            lesson,
            line_of(content, lesson, "an-toan/o-khoa.svg"),
            "picture media/an-toan/o-khoa.svg: text «Bộ Công an» shows at 10.5 px in a lesson "
            "on a 360 px phone; make its font-size at least 14.9 (now 13 in a drawing 400 wide) "
            "so it shows at 12 px",
        ),
        # The quiz shows the same drawing smaller still.
        Problem(
            quiz,
            line_of(content, quiz, "id: chon-hinh"),
            "picture media/an-toan/o-khoa.svg: text «Bộ Công an» shows at 5.9 px in a quiz "
            "on a 360 px phone; make its font-size at least 22.0 (now 13 in a drawing 400 wide) "
            "so it shows at 10 px",
        ),
    } <= set(problems)


def test_quiz_text_of_10_px_passes_where_lesson_text_of_12_px_does(content):
    write_picture(content, "o-khoa.svg", 22.4)

    _, problems = load_catalog(content)

    assert problems == []
