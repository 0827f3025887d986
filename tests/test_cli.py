import os
import pty
import re
import socket
import subprocess
import sys

from click.testing import CliRunner

from tests.factories import line_of, write_lesson
from trainer.cli import cli

LONG_SENTENCE = " ".join(["chữ"] * 18) + "."


def lesson_with_long_sentences(count: int) -> str:
    """A lesson body of count steps, each with a sentence of 18 syllables (each a warning)."""
    step = "## Khóa số {n}\n\n" + LONG_SENTENCE + "\n\n![Một ổ khóa](an-toan/o-khoa.svg)\n\n"
    return "\nMở đầu.\n\n" + "".join(step.format(n=n) for n in range(1, count + 1))


def test_check_passes_a_good_tree(content):
    result = CliRunner().invoke(cli, ["check", "--content", str(content)])

    assert result.exit_code == 0
    assert "Không có lỗi." in result.output


def test_check_prints_every_problem_with_file_and_line_and_fails(content):
    write_lesson(content, "vi/an-toan/mot.md", slug="mot", order=5, title=None)
    write_lesson(content, "vi/an-toan/hai.md", slug="hai", order=6, topic="khong-co")

    result = CliRunner().invoke(cli, ["check", "--content", str(content)])

    assert result.exit_code == 1
    assert "lessons/vi/an-toan/mot.md:2: missing field `title`" in result.output
    assert "lessons/vi/an-toan/hai.md:1: unknown topic `khong-co`" in result.output
    assert "2 lỗi." in result.output


def test_check_prints_warnings_for_long_sentences_but_passes(content):
    body = "\nMở đầu.\n\n## Bước đầu\n\n" + " ".join(["chữ"] * 18) + ".\n\n"
    body += "![Một ổ khóa](an-toan/o-khoa.svg)\n"
    shown = write_lesson(content, "vi/an-toan/mot.md", slug="mot", order=5, body=body)

    result = CliRunner().invoke(cli, ["check", "--content", str(content)])

    assert result.exit_code == 0
    line = line_of(content, shown, "chữ chữ")
    assert f"{shown}:{line}: warning: sentence of 18 syllables" in result.output
    assert "warning: lesson `mot` has no items in this bank" in result.output
    assert "Không có lỗi, 2 cảnh báo." in result.output


def test_check_groups_warnings_by_rule_with_a_count_and_shows_the_first_few(content):
    write_lesson(
        content, "vi/an-toan/mot.md", slug="mot", order=5, body=lesson_with_long_sentences(5)
    )

    result = CliRunner().invoke(cli, ["check", "--content", str(content)])

    lines = result.output.splitlines()
    assert result.exit_code == 0
    assert "Câu dài 16–20 âm tiết, khó theo khi nghe: 5 cảnh báo" in lines
    assert len([line for line in lines if "warning: sentence of 18 syllables" in line]) == 3
    assert "  … và 2 cảnh báo nữa (`trainer check --all`)" in lines
    assert "Bài chưa có câu hỏi kiểm tra nào: 1 cảnh báo" in lines
    assert lines.index("Bài chưa có câu hỏi kiểm tra nào: 1 cảnh báo") < lines.index(
        "Câu dài 16–20 âm tiết, khó theo khi nghe: 5 cảnh báo"
    )  # the rare rule first: the long list never pushes it off the screen


def test_check_all_prints_every_warning(content):
    write_lesson(
        content, "vi/an-toan/mot.md", slug="mot", order=5, body=lesson_with_long_sentences(5)
    )

    result = CliRunner().invoke(cli, ["check", "--all", "--content", str(content)])

    assert len([line for line in result.output.splitlines() if "sentence of 18" in line]) == 5
    assert "cảnh báo nữa" not in result.output


def test_a_lesson_that_does_not_parse_is_one_error_at_its_line_without_follow_on_errors(content):
    path = content / "lessons/vi/an-toan/mat-khau.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    title = next(n for n, line in enumerate(lines) if line.startswith("title:"))
    lines[title] += ": : [hỏng"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = CliRunner().invoke(cli, ["check", "--content", str(content)])

    errors = [
        line for line in result.output.splitlines() if line.startswith(("lessons", "quizzes"))
    ]
    assert result.exit_code == 1
    assert errors == [
        f"lessons/vi/an-toan/mat-khau.md:{title + 1}: bad YAML: mapping values are not allowed here"
    ]
    assert "1 lỗi." in result.output and "lỗi kéo theo" in result.output


def test_create_user_asks_in_vietnamese_and_says_so_when_the_two_passwords_differ(
    content, tmp_path, monkeypatch
):
    monkeypatch.setenv("TRAINER_INSTANCE_PATH", str(tmp_path / "instance"))
    monkeypatch.setenv("TRAINER_CONTENT_DIR", str(content))
    args = ["create-user", "--role", "admin", "--name", "Nguyễn Văn An", "--login", "an.nguyen"]

    result = CliRunner().invoke(
        cli, args, input="mat-khau-quan-tri\nkhac-han-nhe\nmat-khau-quan-tri\nmat-khau-quan-tri\n"
    )

    assert result.exit_code == 0, result.output
    assert "Nhập lại mật khẩu:" in result.output
    assert "Lỗi: hai lần nhập không giống nhau." in result.output
    assert "Đã tạo quản trị Nguyễn Văn An (an.nguyen)." in result.output
    assert "Repeat" not in result.output and "Error" not in result.output


def test_help_and_usage_errors_are_in_vietnamese():
    help_text = CliRunner().invoke(cli, ["check", "--help"]).output
    wrong = CliRunner().invoke(cli, ["create-user", "--role", "vua"])

    assert help_text.startswith("Cách dùng: ") and "Xem hướng dẫn này rồi thoát." in help_text
    assert wrong.exit_code == 2
    assert "Lỗi: Giá trị không hợp lệ cho '--role'" in wrong.output


def test_serve_on_a_busy_port_exits_with_one_line_before_saying_it_serves(
    content, tmp_path, monkeypatch
):
    monkeypatch.setenv("TRAINER_INSTANCE_PATH", str(tmp_path / "instance"))
    monkeypatch.setenv("TRAINER_CONTENT_DIR", str(content))
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]

        result = CliRunner().invoke(cli, ["serve", "--host", "127.0.0.1", "--port", str(port)])

    assert result.exit_code == 1
    assert result.output == (
        f"Lỗi: cổng {port} trên 127.0.0.1 đang có chương trình khác dùng; "
        "chọn cổng khác (--port).\n"
    )


def test_build_on_a_terminal_says_each_step_as_it_starts(content, tmp_path):
    env = {
        **os.environ,
        "TRAINER_INSTANCE_PATH": str(tmp_path / "instance"),
        "TRAINER_CONTENT_DIR": str(content),
        "TRAINER_SPEECH_ENGINES": "espeak",
    }
    screen, terminal = pty.openpty()
    trainer = os.path.join(os.path.dirname(sys.executable), "trainer")
    done = subprocess.run(
        [trainer, "build"], env=env, stdout=terminal, stderr=terminal, timeout=300
    )
    os.close(terminal)
    shown = b""
    while chunk := _read(screen):
        shown += chunk
    os.close(screen)

    said = shown.decode()
    assert done.returncode == 0, said
    assert said.index("[1/3] Hình và danh mục bài…") < said.index("[2/3] Chỉ mục tìm kiếm…")
    assert said.index("[2/3] Chỉ mục tìm kiếm…") < said.index("[3/3] Giọng đọc…")


def test_build_into_a_log_file_prints_no_steps(content, tmp_path, monkeypatch):
    monkeypatch.setenv("TRAINER_INSTANCE_PATH", str(tmp_path / "instance"))
    monkeypatch.setenv("TRAINER_CONTENT_DIR", str(content))

    result = CliRunner().invoke(cli, ["build"])

    assert result.exit_code == 0, result.output
    assert "[1/3]" not in result.output and "[2/3]" not in result.output


def _read(fd: int) -> bytes:
    try:
        return os.read(fd, 65536)
    except OSError:  # the terminal's other end is closed: everything was read
        return b""


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
