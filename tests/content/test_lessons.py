from pathlib import Path

from tests.factories import GOOD_BODY, lesson_text, line_of, write_lesson
from trainer.content.lessons import read_lesson
from trainer.content.model import Problem


def read(root: Path, shown: Path, language: str = "vi"):
    return read_lesson(root / shown, shown, language)


def test_a_good_lesson_becomes_steps_with_pictures_and_boxes(content):
    shown = Path("lessons/vi/an-toan/mat-khau.md")

    lesson, problems = read(content, shown)

    assert problems == []
    assert [step.title for step in lesson.steps] == ["Dùng câu dài", "Không đưa mật khẩu cho ai"]
    first = lesson.steps[0]
    assert first.illustration.src == "an-toan/o-khoa.svg"
    assert first.illustration.alt == "Ổ khóa có một câu dài"
    assert first.box("tip").text == "Câu càng dài càng khó đoán."
    assert "<strong>câu dài</strong>" in first.html
    assert "o-khoa" not in first.html  # the picture is shown apart from the text
    assert lesson.intro_text == "Mật khẩu là chìa khóa nhà bạn trên mạng."
    assert lesson.steps[1].box("careful").text == "Ai hỏi mã OTP là kẻ lừa đảo."


def test_missing_title_is_reported_at_the_front_matter(tmp_path):
    shown = write_lesson(tmp_path, title=None)

    lesson, problems = read(tmp_path, shown)

    assert lesson is None
    assert Problem(shown, 2, "missing field `title`") in problems


def test_bad_yaml_is_reported_at_its_line(tmp_path):
    text = "---\nslug: bai-moi\ntitle: [Bài mới\nlanguage: vi\n---\nMở đầu.\n"
    shown = write_lesson(tmp_path, text=text)

    lesson, problems = read(tmp_path, shown)

    assert lesson is None
    assert len(problems) == 1
    assert str(problems[0]).startswith(f"{shown}:4: bad YAML")


def test_a_file_without_front_matter_is_refused(tmp_path):
    shown = write_lesson(tmp_path, text="# Bài mới\n\nChỉ có chữ.\n")

    _, problems = read(tmp_path, shown)

    assert problems == [
        Problem(shown, 1, "the file must start with front matter between `---` lines")
    ]


def test_text_that_is_not_utf8_is_reported_with_its_line(tmp_path):
    shown = write_lesson(tmp_path, text="")
    good = lesson_text()
    (tmp_path / shown).write_bytes(good.encode("utf-8") + b"M\xe2t kh\xe2u\n")

    _, problems = read(tmp_path, shown)

    assert problems == [
        Problem(shown, good.count("\n") + 1, "not UTF-8 text; save the file as UTF-8")
    ]


def test_a_step_over_forty_words_is_too_long(tmp_path):
    long_step = " ".join(["Chữ."] * 41)
    body = GOOD_BODY.replace("Làm theo hướng dẫn.", long_step)
    shown = write_lesson(tmp_path, body=body)

    _, problems = read(tmp_path, shown)

    line = line_of(tmp_path, shown, "## Bước đầu")
    assert problems == [
        Problem(shown, line, "step too long: 41 words; keep it to 40 or split it into two steps")
    ]


def test_a_step_without_a_picture_is_reported(tmp_path):
    shown = write_lesson(tmp_path, body=GOOD_BODY.replace("![Một ổ khóa](an-toan/o-khoa.svg)", ""))

    _, problems = read(tmp_path, shown)

    line = line_of(tmp_path, shown, "## Bước đầu")
    assert problems == [
        Problem(shown, line, "step has no picture: add `![what it shows](file.svg)`")
    ]


def test_a_picture_without_alt_text_is_reported_at_its_line(tmp_path):
    shown = write_lesson(tmp_path, body=GOOD_BODY.replace("Một ổ khóa", ""))

    _, problems = read(tmp_path, shown)

    line = line_of(tmp_path, shown, "![](an-toan")
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [
        (line, "picture has no alt text")
    ]


def test_raw_html_is_reported_at_its_line(tmp_path):
    body = GOOD_BODY.replace("Làm theo hướng dẫn.", "Làm theo <script>alert(1)</script> nhé.")
    shown = write_lesson(tmp_path, body=body)

    _, problems = read(tmp_path, shown)

    line = line_of(tmp_path, shown, "<script>")
    assert Problem(shown, line, "raw HTML is not allowed; write plain Markdown") in problems


def test_a_javascript_link_is_reported(tmp_path):
    body = GOOD_BODY.replace("Làm theo hướng dẫn.", "Bấm [vào đây](javascript:alert(1)).")
    shown = write_lesson(tmp_path, body=body)

    _, problems = read(tmp_path, shown)

    line = line_of(tmp_path, shown, "javascript:")
    assert problems == [Problem(shown, line, "links must start with https://")]


def test_headings_other_than_steps_are_refused(tmp_path):
    shown = write_lesson(tmp_path, body=GOOD_BODY + "\n### Phần nhỏ\n")

    _, problems = read(tmp_path, shown)

    line = line_of(tmp_path, shown, "### Phần nhỏ")
    assert problems == [
        Problem(shown, line, "`###` headings are not allowed; start each step with `## `")
    ]


def test_a_picture_inside_a_sentence_must_stand_on_its_own_line(tmp_path):
    body = GOOD_BODY.replace("Làm theo hướng dẫn.", "Xem ![ổ khóa](an-toan/o-khoa.svg) này.")
    shown = write_lesson(tmp_path, body=body)

    _, problems = read(tmp_path, shown)

    line = line_of(tmp_path, shown, "Xem ![")
    assert problems == [Problem(shown, line, "put the picture on a line of its own")]


def test_an_unknown_box_is_named(tmp_path):
    shown = write_lesson(tmp_path, body=GOOD_BODY + "\n::: canh-bao\nCẩn thận.\n:::\n")

    _, problems = read(tmp_path, shown)

    line = line_of(tmp_path, shown, "::: canh-bao")
    assert Problem(shown, line, "unknown box; use `::: tip` or `::: careful`") in problems


def test_a_source_must_be_a_web_address(tmp_path):
    shown = write_lesson(tmp_path, sources=[{"title": "Sổ tay", "url": "file:///C:/so-tay.pdf"}])

    _, problems = read(tmp_path, shown)

    line = line_of(tmp_path, shown, "url:")
    assert problems == [Problem(shown, line, "source `url` must start with https://")]


def test_a_wrong_field_type_is_reported_at_the_field(tmp_path):
    shown = write_lesson(tmp_path, minutes="năm")

    _, problems = read(tmp_path, shown)

    line = line_of(tmp_path, shown, "minutes:")
    assert problems == [Problem(shown, line, "`minutes` must be a whole number from 1 to 30")]


def test_a_translation_must_say_whether_it_is_reviewed(tmp_path):
    text = lesson_text(language="hmn", topic=None, order=None, minutes=None, sources=None)
    shown = write_lesson(tmp_path, "dan_toc/hmn/bai-moi.md", text=text)

    lesson, problems = read(tmp_path, shown, "hmn")

    assert problems == [Problem(shown, 2, "missing field `status`")]


def test_a_reviewed_translation_names_its_reviewer(tmp_path):
    text = lesson_text(
        language="hmn", status="reviewed", topic=None, order=None, minutes=None, sources=None
    )
    shown = write_lesson(tmp_path, "dan_toc/hmn/bai-moi.md", text=text)

    _, problems = read(tmp_path, shown, "hmn")

    assert problems == [Problem(shown, 2, "missing field `reviewer`")]


def test_the_language_must_match_the_folder(tmp_path):
    shown = write_lesson(tmp_path, language="hmn")

    _, problems = read(tmp_path, shown)

    line = line_of(tmp_path, shown, "language:")
    assert problems == [
        Problem(shown, line, "`language` is `hmn` but the file is in the `vi` folder")
    ]


def test_every_problem_in_a_file_is_reported_in_one_run(tmp_path):
    body = GOOD_BODY.replace("Một ổ khóa", "").replace("Làm theo", "<b>Làm</b> theo")
    shown = write_lesson(tmp_path, body=body, summary=None, minutes=0)

    _, problems = read(tmp_path, shown)

    assert len(problems) == 4


def test_a_source_that_is_a_bare_domain_is_refused_at_its_line(tmp_path):
    sources = [{"title": "Bộ Công an", "url": "https://bocongan.gov.vn/"}]
    shown = write_lesson(tmp_path, sources=sources)

    _, problems = read(tmp_path, shown)

    assert problems == [
        Problem(
            shown,
            line_of(tmp_path, shown, "url: https://bocongan.gov.vn/"),
            "source `https://bocongan.gov.vn/` is a home page: cite the page the fact is on, "
            "so a reviewer can find it",
        )
    ]


def test_a_source_on_a_page_of_the_site_is_accepted(tmp_path):
    sources = [{"title": "Bộ Công an", "url": "https://bocongan.gov.vn/tin-tuc/canh-bao-lua-dao"}]
    shown = write_lesson(tmp_path, sources=sources)

    lesson, problems = read(tmp_path, shown)

    assert problems == []
    assert lesson.sources[0].url.endswith("/canh-bao-lua-dao")
