from pathlib import Path

from trainer.content.model import Language, Problem
from trainer.content.topics import read_languages, read_topic


def write(tmp_path: Path, name: str, text: str) -> tuple[Path, Path]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path, Path(name)


def test_a_topic_reads_its_titles_per_language(tmp_path):
    path, shown = write(
        tmp_path,
        "an-toan.yaml",
        "order: 1\nicon: icons/a.svg\ntitle:\n  vi: An toàn\n  hmn: Nyab xeeb\n"
        "description:\n  vi: Mô tả.\n",
    )

    topic, problems = read_topic(path, shown)

    assert problems == []
    assert (topic.slug, topic.title("hmn"), topic.description("hmn")) == (
        "an-toan",
        "Nyab xeeb",
        "Mô tả.",
    )


def test_a_topic_needs_a_vietnamese_title(tmp_path):
    path, shown = write(
        tmp_path,
        "an-toan.yaml",
        "order: 1\nicon: icons/a.svg\ntitle:\n  hmn: Nyab xeeb\ndescription:\n  vi: Mô tả.\n",
    )

    topic, problems = read_topic(path, shown)

    assert topic is None
    assert problems == [Problem(shown, 3, "`title` needs a Vietnamese text (`vi: …`)")]


def test_a_misspelt_topic_field_is_named(tmp_path):
    path, shown = write(
        tmp_path,
        "an-toan.yaml",
        "order: 1\nicon: icons/a.svg\ntitel:\n  vi: An toàn\ndescription:\n  vi: Mô tả.\n",
    )

    _, problems = read_topic(path, shown)

    assert (
        Problem(shown, 3, "unknown field `titel`; expected one of: order, icon, title, description")
        in problems
    )


def test_a_language_without_a_name_is_reported(tmp_path):
    path, shown = write(tmp_path, "languages.yaml", "- code: hmn\n  vi_name: Tiếng H'Mông\n")

    languages, problems = read_languages(path, shown)

    assert [language.code for language in languages] == ["vi"]
    assert problems == [Problem(shown, 1, "missing field `name`")]


def test_the_switcher_names_a_language_in_vietnamese_without_tieng():
    hmong = Language("hmn", "Hmoob", "Tiếng H'Mông")
    thai = Language("blt", "Tay Đăm", "Tiếng Thái")

    assert (hmong.short_vi_name, thai.short_vi_name) == ("H'Mông", "Thái")


def test_a_language_records_its_variety_script_and_writer(tmp_path):
    text = (
        "- code: hmn\n  name: Hmoob\n  vi_name: Tiếng H'Mông\n"
        "  variety: Hmoob Dawb\n  script: RPA\n  writer: native writer needed\n"
    )
    path, shown = write(tmp_path, "languages.yaml", text)

    languages, problems = read_languages(path, shown)

    assert problems == []
    hmong = languages[1]
    assert (hmong.variety, hmong.script, hmong.writer) == (
        "Hmoob Dawb",
        "RPA",
        "native writer needed",
    )
