import re

from click.testing import CliRunner

from tests.factories import line_of, write_lesson
from trainer.cli import cli


def test_check_passes_a_good_tree(content):
    result = CliRunner().invoke(cli, ["check", "--content", str(content)])

    assert result.exit_code == 0
    assert "No problems." in result.output


def test_check_prints_every_problem_with_file_and_line_and_fails(content):
    write_lesson(content, "vi/an-toan/mot.md", slug="mot", order=5, title=None)
    write_lesson(content, "vi/an-toan/hai.md", slug="hai", order=6, topic="khong-co")

    result = CliRunner().invoke(cli, ["check", "--content", str(content)])

    assert result.exit_code == 1
    assert "lessons/vi/an-toan/mot.md:2: missing field `title`" in result.output
    assert "lessons/vi/an-toan/hai.md:1: unknown topic `khong-co`" in result.output
    assert "2 problem(s)" in result.output


def test_check_prints_warnings_for_long_sentences_but_passes(content):
    body = "\nMở đầu.\n\n## Bước đầu\n\n" + " ".join(["chữ"] * 18) + ".\n\n"
    body += "![Một ổ khóa](an-toan/o-khoa.svg)\n"
    shown = write_lesson(content, "vi/an-toan/mot.md", slug="mot", order=5, body=body)

    result = CliRunner().invoke(cli, ["check", "--content", str(content)])

    assert result.exit_code == 0
    line = line_of(content, shown, "chữ chữ")
    assert f"{shown}:{line}: warning: sentence of 18 syllables" in result.output
    assert "warning: lesson `mot` has no items in this bank" in result.output
    assert "No problems, 2 warning(s)." in result.output


def test_build_writes_pictures_into_the_instance_folder(content, tmp_path, monkeypatch):
    monkeypatch.setenv("TRAINER_INSTANCE_PATH", str(tmp_path / "instance"))
    monkeypatch.setenv("TRAINER_CONTENT_DIR", str(content))

    result = CliRunner().invoke(cli, ["build"])

    assert result.exit_code == 0, result.output
    built = sorted(path.name for path in (tmp_path / "instance/build/media").iterdir())
    assert any(name.startswith("khoa.") and name.endswith(".svg") for name in built)
    # a quiz's pictures are named by content hash alone: ban-tay.png, o-khoa.svg
    assert any(re.fullmatch(r"960\.[0-9a-f]{12}\.webp", name) for name in built)
    assert any(re.fullmatch(r"[0-9a-f]{12}\.svg", name) for name in built)
    assert not any("ban-tay" in name or "o-khoa" in name for name in built)
