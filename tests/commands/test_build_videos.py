"""`trainer build --videos`: every voiced lesson's video, with the address on its end card."""

from click.testing import CliRunner

from trainer.cli import cli


def test_build_videos_without_an_address_says_which_to_give(content, tmp_path, monkeypatch):
    monkeypatch.setenv("TRAINER_INSTANCE_PATH", str(tmp_path / "instance"))
    monkeypatch.setenv("TRAINER_CONTENT_DIR", str(content))
    monkeypatch.delenv("TRAINER_PUBLIC_BASE_URL", raising=False)

    result = CliRunner().invoke(cli, ["build", "--videos"])

    assert result.exit_code == 2
    assert "TRAINER_PUBLIC_BASE_URL hoặc ghi --address" in result.output
    assert not (tmp_path / "instance/build/video").exists()


def test_build_videos_makes_each_voiced_lessons_video_once(content, tmp_path, monkeypatch):
    monkeypatch.setenv("TRAINER_INSTANCE_PATH", str(tmp_path / "instance"))
    monkeypatch.setenv("TRAINER_CONTENT_DIR", str(content))
    monkeypatch.setenv("TRAINER_SPEECH_ENGINES", "espeak")
    command = ["build", "--videos", "--address", "http://192.168.1.10:5000"]

    first = CliRunner().invoke(cli, command)
    again = CliRunner().invoke(cli, command)

    assert first.exit_code == 0, first.output
    videos = sorted(path.name for path in (tmp_path / "instance/build/video").glob("*.mp4"))
    assert [name.split("-")[:3] for name in videos] == [["lua", "dao", "vi"], ["mat", "khau", "vi"]]
    assert "Video: 2 made, 0 unchanged, 1 lesson language(s) not all voiced" in first.output
    assert "Video: 0 made, 2 unchanged" in again.output
