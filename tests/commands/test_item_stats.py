from click.testing import CliRunner

from tests.factories import make_team, make_user
from tests.services.certification_clock import load_quiz, open_database, right_answers
from trainer.cli import cli
from trainer.services.certification import attempts


def instance(content, tmp_path, monkeypatch):
    monkeypatch.setenv("TRAINER_INSTANCE_PATH", str(tmp_path / "instance"))
    monkeypatch.setenv("TRAINER_CONTENT_DIR", str(content))
    (tmp_path / "instance").mkdir()
    return tmp_path / "instance"


def test_item_stats_prints_each_item_of_the_topic_with_its_figures(content, tmp_path, monkeypatch):
    folder = instance(content, tmp_path, monkeypatch)
    quiz = load_quiz()
    with open_database(folder / "trainer.sqlite")() as db:
        member = make_user(db, team=make_team(db))
        started = attempts.start(db, member.id, quiz)
        attempts.submit(db, member.id, started.token, quiz, right_answers(quiz, started, 1))
        drawn = [entry["id"] for entry in started.items]

    result = CliRunner().invoke(cli, ["item-stats", "--topic", "an-toan"])

    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "an-toan:"
    assert lines[1].split()[:5] == ["câu", "gặp", "đúng", "discrimination", "cảnh_báo"]
    first = next(line for line in lines if line.split()[0] == drawn[0])
    assert first.split()[1:4] == ["1", "0%", "–"]
    assert len([line for line in lines[2:] if line.startswith("  ")]) == len(drawn)


def test_item_stats_says_when_there_is_nothing_to_count(content, tmp_path, monkeypatch):
    open_database(instance(content, tmp_path, monkeypatch) / "trainer.sqlite")

    result = CliRunner().invoke(cli, ["item-stats"])

    assert result.exit_code == 0
    assert "Chưa có lượt làm bài nào." in result.output


def test_item_stats_says_a_topic_that_does_not_exist_does_not(content, tmp_path, monkeypatch):
    open_database(instance(content, tmp_path, monkeypatch) / "trainer.sqlite")

    result = CliRunner().invoke(cli, ["item-stats", "--topic", "nope"])

    assert result.exit_code == 1
    assert "Lỗi: không có chủ đề `nope`; các chủ đề: an-toan, nong-nghiep." in result.output
