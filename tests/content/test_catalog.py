from pathlib import Path

from tests.factories import GOOD_BODY, lesson_text, line_of, write_lesson
from trainer.content.catalog import load_catalog
from trainer.content.model import Problem


def test_the_test_content_loads_without_problems(content):
    catalog, problems = load_catalog(content)

    assert problems == []
    assert [lesson.slug for lesson in catalog.lessons_in("an-toan")] == ["mat-khau", "lua-dao"]
    assert [language.code for language in catalog.languages_of("mat-khau")] == ["vi", "hmn"]


def test_an_unknown_topic_is_reported(content):
    shown = write_lesson(content, topic="bong-da")

    _, problems = load_catalog(content)

    assert problems == [
        Problem(shown, 1, "unknown topic `bong-da`; topics are: an-toan, nong-nghiep")
    ]


def test_a_duplicate_slug_is_refused_in_both_files_and_neither_replaces_the_other(content):
    copy = write_lesson(content, "vi/an-toan/z-ban-sao.md", slug="mat-khau", title="Bản sao")

    catalog, problems = load_catalog(content)

    original = Path("lessons/vi/an-toan/mat-khau.md")
    assert problems == [
        Problem(original, 1, f"duplicate slug `mat-khau`: {copy} uses it too"),
        Problem(copy, 1, f"duplicate slug `mat-khau`: {original} uses it too"),
    ]
    assert catalog.lesson("mat-khau") is None


def test_a_lesson_copied_into_another_topic_hides_no_lesson_already_there(content):
    write_lesson(
        content, "vi/nong-nghiep/b-bai-that.md", slug="bai-that", topic="nong-nghiep", order=1
    )
    write_lesson(
        content, "vi/nong-nghiep/a-ban-sao.md", slug="mat-khau", topic="nong-nghiep", order=1
    )

    catalog, problems = load_catalog(content)

    assert [lesson.slug for lesson in catalog.lessons_in("nong-nghiep")] == ["bai-that"]
    assert {problem.message.split(":")[0] for problem in problems} == {"duplicate slug `mat-khau`"}


def test_a_translation_of_a_lesson_that_does_not_exist_is_reported(content):
    text = lesson_text(
        slug="khong-co",
        language="hmn",
        status="draft",
        topic=None,
        order=None,
        minutes=None,
        sources=None,
    )
    shown = write_lesson(content, "dan_toc/hmn/khong-co.md", text=text)

    _, problems = load_catalog(content)

    assert problems == [
        Problem(
            shown,
            1,
            "translation of a lesson that does not exist: no file in "
            "lessons/vi/ has slug `khong-co`",
        )
    ]


def test_a_translation_with_a_different_number_of_steps_is_reported(content):
    path = content / "lessons/dan_toc/hmn/mat-khau.md"
    path.write_text(path.read_text().split("## Tsis txhob")[0], encoding="utf-8")

    _, problems = load_catalog(content)

    assert [p.message for p in problems] == [
        "has 1 steps but the original lessons/vi/an-toan/mat-khau.md has 2"
    ]


def test_a_missing_picture_is_reported_at_the_lesson_line_that_uses_it(content):
    shown = write_lesson(content, body=GOOD_BODY.replace("o-khoa.svg", "khong-co.svg"))

    _, problems = load_catalog(content)

    line = line_of(content, shown, "khong-co.svg")
    assert problems == [Problem(shown, line, "picture not found: media/an-toan/khong-co.svg")]


def test_an_svg_with_a_script_is_refused_and_its_lessons_hidden(content):
    svg = content / "media/an-toan/o-khoa.svg"
    svg.write_text(svg.read_text().replace("</svg>", "<script>alert(1)</script></svg>"))

    catalog, problems = load_catalog(content)

    assert Problem(Path("media/an-toan/o-khoa.svg"), 1, "SVG must not contain <script>") in problems
    assert catalog.lesson("mat-khau") is None


def test_a_broken_translation_leaves_every_other_lesson_served(content):
    path = content / "lessons/dan_toc/hmn/mat-khau.md"
    path.write_text(path.read_text().replace("status: draft", "status: [draft"), encoding="utf-8")

    catalog, problems = load_catalog(content)

    assert [str(p.path) for p in problems] == ["lessons/dan_toc/hmn/mat-khau.md"]
    assert catalog.lesson("mat-khau", "hmn") is None
    assert catalog.lesson("mat-khau") is not None
    assert catalog.lesson("lua-dao") is not None


def test_a_translation_takes_topic_and_minutes_from_its_original(content):
    catalog, _ = load_catalog(content)

    translation = catalog.lesson("mat-khau", "hmn")

    assert (translation.topic, translation.minutes, translation.is_draft) == ("an-toan", 3, True)


def test_lessons_in_an_unknown_language_folder_are_reported(content):
    shown = write_lesson(content, "dan_toc/xyz/mat-khau.md")

    _, problems = load_catalog(content)

    assert problems == [
        Problem(shown, 1, "unknown language folder `xyz`; add it to lessons/languages.yaml")
    ]


def test_two_lessons_in_the_same_place_of_a_topic_are_reported(content):
    shown = write_lesson(content, "vi/an-toan/z-bai-moi.md", order=1)

    _, problems = load_catalog(content)

    assert problems == [
        Problem(
            shown, 1, "`order: 1` in topic `an-toan` is also used by lessons/vi/an-toan/mat-khau.md"
        )
    ]


def test_neighbours_are_the_lessons_before_and_after_in_the_topic(content):
    catalog, _ = load_catalog(content)

    first, second = catalog.lessons_in("an-toan")

    assert catalog.neighbours(first) == (None, second)
    assert catalog.neighbours(second) == (first, None)


def test_a_missing_topic_icon_is_reported_at_its_line(content):
    (content / "media/icons/khoa.svg").unlink()

    _, problems = load_catalog(content)

    assert (
        Problem(Path("lessons/topics/an-toan.yaml"), 2, "picture not found: media/icons/khoa.svg")
        in problems
    )
