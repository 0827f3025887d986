"""Steps are named once, by their heading or an explicit `{#name}`, and keep the name."""

from tests.factories import line_of, write_lesson
from trainer.content.catalog import load_catalog
from trainer.content.model import Problem

TWO_STEPS = """
Mở đầu ngắn.

## {first}

Làm theo hướng dẫn.

![Một ổ khóa](an-toan/o-khoa.svg)

## {second}

Làm tiếp.

![Một ổ khóa](an-toan/o-khoa.svg)
"""


def test_a_step_is_named_by_its_anchor_or_by_its_heading_without_accents(content):
    catalog, _ = load_catalog(content)

    lesson = catalog.lesson("mat-khau")

    assert [step.name for step in lesson.steps] == ["dung-cau-dai", "khong-dua-mat-khau"]
    assert lesson.steps[1].title == "Không đưa mật khẩu cho ai"
    assert lesson.steps[1].anchor == "buoc-khong-dua-mat-khau"


def test_a_translation_takes_the_names_of_its_original_steps(content):
    catalog, _ = load_catalog(content)

    hmong = catalog.lesson("mat-khau", "hmn")

    assert [step.name for step in hmong.steps] == ["dung-cau-dai", "khong-dua-mat-khau"]


def test_two_steps_with_one_name_are_refused_at_the_second(content):
    body = TWO_STEPS.format(first="Mở ứng dụng {#mo}", second="Mở cài đặt {#mo}")
    shown = write_lesson(content, body=body)

    _, problems = load_catalog(content)

    assert (
        Problem(
            shown,
            line_of(content, shown, "## Mở cài đặt"),
            "two steps are named `mo`: give one its own `{#name}` at the end of its heading",
        )
        in problems
    )


def test_a_name_like_a_step_number_is_refused(content):
    body = TWO_STEPS.format(first="Mở ứng dụng {#buoc-2}", second="Mở cài đặt")
    shown = write_lesson(content, body=body)

    _, problems = load_catalog(content)

    assert [p.message.split(":")[0] for p in problems if p.path == shown] == ["step name `buoc-2`"]
