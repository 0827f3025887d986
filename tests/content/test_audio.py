import json
import threading
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from trainer.cli import cli
from trainer.content.build import build
from trainer.speech import manifest as audio_manifest
from trainer.speech import mp3, recordings
from trainer.speech.espeak import Espeak
from trainer.speech.stage import Settings, audio_stage, voice_recording

OFFLINE = ["espeak"]
VOICE = Espeak().speak("Một người đọc bước này", "vi", 1.0)


def build_audio(content: Path, out: Path, engines=OFFLINE):
    report = build(
        content, out, [audio_stage({"CONTENT_DIR": str(content), "SPEECH_ENGINES": engines})]
    )
    manifest = json.loads((out / "audio/manifest.json").read_text(encoding="utf-8"))
    return report, manifest


def files(out: Path) -> dict[str, int]:
    return {path.name: path.stat().st_mtime_ns for path in (out / "audio").iterdir()}


def test_every_vietnamese_step_gets_a_normal_and_a_slow_mp3(content, tmp_path):
    _, manifest = build_audio(content, tmp_path / "build")

    step = manifest["clips"]["mat-khau/vi/1"]
    normal = (tmp_path / "build/audio" / step["normal"]["file"]).read_bytes()
    slow = (tmp_path / "build/audio" / step["slow"]["file"]).read_bytes()
    assert step["normal"]["engine"] == "espeak"
    assert mp3.seconds(slow) > mp3.seconds(normal) > 2
    assert sorted(manifest["clips"]) == [
        "lua-dao/vi/0",
        "lua-dao/vi/1",
        "mat-khau/vi/0",
        "mat-khau/vi/1",
        "mat-khau/vi/2",
    ]


def test_a_second_build_with_no_change_synthesises_nothing(content, tmp_path):
    build_audio(content, tmp_path / "build")
    before = files(tmp_path / "build")

    report, _ = build_audio(content, tmp_path / "build")

    assert files(tmp_path / "build") == before
    assert "Giọng đọc: làm mới 0 tệp" in "\n".join(report.lines)


def test_editing_one_step_resynthesises_exactly_that_step(content, tmp_path):
    _, first = build_audio(content, tmp_path / "build")
    lesson = content / "lessons/vi/an-toan/mat-khau.md"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("Không ai được hỏi", "Không ai được xin"), encoding="utf-8")

    report, second = build_audio(content, tmp_path / "build")

    changed = [key for key in first["clips"] if first["clips"][key] != second["clips"][key]]
    assert changed == ["mat-khau/vi/2"]
    assert "Giọng đọc: làm mới 2 tệp" in "\n".join(report.lines)
    assert first["loudspeaker"]["mat-khau/vi"] != second["loudspeaker"]["mat-khau/vi"]
    old_step = first["clips"]["mat-khau/vi/2"]["normal"]["file"]
    assert old_step not in files(tmp_path / "build")  # nothing left behind


def test_the_coverage_table_counts_steps_per_language_and_voice(content, tmp_path):
    report, _ = build_audio(content, tmp_path / "build")

    table = [line.split() for line in report.lines if line.startswith("  ")]
    assert table[0] == ["tiếng", "recorded", "espeak", "none"]
    assert ["vi", "0", "3", "0"] in table
    assert ["hmn", "0", "0", "2"] in table  # no voice speaks H'Mông: it needs recordings


def test_a_recording_wins_over_the_synthetic_voice(content, tmp_path):
    folder = content / "media/giong-doc/vi/mat-khau"
    folder.mkdir(parents=True)
    voice = Espeak().speak("Một người đọc bước này", "vi", 1.0)
    (folder / "buoc-1.mp3").write_bytes(voice)
    (folder / "buoc-1.txt").write_text(
        "Bước 1. Dùng câu dài. Ghép bốn từ dễ nhớ thành một câu dài. "
        "Mẹo: Câu càng dài càng khó đoán.",
        encoding="utf-8",
    )

    report, manifest = build_audio(content, tmp_path / "build")

    step = manifest["clips"]["mat-khau/vi/1"]
    assert (tmp_path / "build/audio" / step["normal"]["file"]).read_bytes() == voice
    assert step["normal"]["engine"] == step["slow"]["engine"] == "recorded"
    assert step["slow"]["rate"] == 0.8  # slowed by the player, not re-recorded
    assert manifest["stale"] == []


def test_a_recording_made_before_the_text_changed_is_reported_stale(content, tmp_path):
    folder = content / "media/giong-doc/hmn/mat-khau"
    folder.mkdir(parents=True)
    (folder / "buoc-2.mp3").write_bytes(Espeak().speak("Một người đọc", "vi", 1.0))
    (folder / "buoc-2.txt").write_text("Words that were read before an edit.", encoding="utf-8")

    report, manifest = build_audio(content, tmp_path / "build")

    assert manifest["clips"]["mat-khau/hmn/2"]["normal"]["engine"] == "recorded"
    assert manifest["stale"] == ["mat-khau/hmn/2"]
    assert any("bản ghi mat-khau/hmn/2 cũ hơn lời trong bài" in line for line in report.lines)


def test_the_loudspeaker_file_holds_the_whole_lesson_with_pauses(content, tmp_path):
    _, manifest = build_audio(content, tmp_path / "build")

    whole = manifest["loudspeaker"]["mat-khau/vi"]
    parts = [manifest["clips"][f"mat-khau/vi/{n}"]["normal"]["seconds"] for n in range(3)]
    data = (tmp_path / "build/audio" / whole["file"]).read_bytes()
    assert whole["file"].startswith("loa-mat-khau-vi-")
    assert mp3.seconds(data) == pytest.approx(sum(parts) + 3 * 1.5, abs=0.5)


def test_an_unknown_engine_is_reported_and_the_build_goes_on(content, tmp_path):
    report = build(
        content,
        tmp_path / "build",
        [audio_stage({"CONTENT_DIR": str(content), "SPEECH_ENGINES": ["festival"]})],
    )

    assert any("unknown speech engine(s) festival" in line for line in report.lines)
    assert report.catalog.lessons


def test_trainer_build_voices_every_step_offline(content, tmp_path, monkeypatch):
    monkeypatch.setenv("TRAINER_INSTANCE_PATH", str(tmp_path / "instance"))
    monkeypatch.setenv("TRAINER_CONTENT_DIR", str(content))

    result = CliRunner().invoke(cli, ["build"])

    assert result.exit_code == 0, result.output
    assert "Giọng đọc" in result.output
    assert "bỏ qua `google` sau một lần lỗi" in result.output  # tests have no network
    assert (tmp_path / "instance/build/audio/manifest.json").is_file()


def test_the_build_names_abbreviations_the_voices_may_misread(content, tmp_path):
    report, _ = build_audio(content, tmp_path / "build")

    assert (
        "Giọng đọc: giọng máy có thể đọc sai những chữ này; ghi cách đọc vào "
        "lessons/pronunciation.yaml: OTP" in report.lines
    )


def test_adding_a_pronunciation_changes_how_that_step_is_read(content, tmp_path):
    _, before = build_audio(content, tmp_path / "build")
    (content / "lessons/pronunciation.yaml").write_text("vi:\n  OTP: ô tê pê\n", encoding="utf-8")

    report, after = build_audio(content, tmp_path / "build")

    assert not any("có thể đọc sai" in line for line in report.lines)
    assert after["clips"]["mat-khau/vi/2"] != before["clips"]["mat-khau/vi/2"]  # has "OTP"
    assert after["clips"]["mat-khau/vi/1"] == before["clips"]["mat-khau/vi/1"]


def test_an_upload_waits_for_the_manifest_lock_so_no_writer_undoes_another(content, tmp_path):
    out = tmp_path / "build"
    report, _ = build_audio(content, out)
    lesson = report.catalog.lesson("mat-khau", "hmn")
    recordings.save(content, "hmn", "mat-khau", 1, VOICE, ".mp3", "Siv ib kab lus ntev")
    folder = tmp_path / "since-build"
    upload = threading.Thread(
        target=voice_recording,
        args=(lesson, 1, content, out / "audio", folder, Settings(["espeak"])),
    )

    with audio_manifest.locked(folder):  # another writer (another upload) is at work
        other = audio_manifest.load(folder)
        upload.start()
        time.sleep(0.5)  # an upload that ignored the lock would be done by now
        other.clips["lua-dao/hmn/0"] = audio_manifest.load(out / "audio").clips["lua-dao/vi/0"]
        other.save(folder)
    upload.join()

    kept = audio_manifest.load(folder)
    assert "lua-dao/hmn/0" in kept.clips
    assert kept.clip("mat-khau", "hmn", 1).engine == "recorded"


def test_an_upload_is_voiced_beside_the_build_and_never_inside_it(content, tmp_path):
    out = tmp_path / "build"
    report, _ = build_audio(content, out)
    before = files(out)
    lesson = report.catalog.lesson("mat-khau", "vi")
    recordings.save(content, "vi", "mat-khau", 1, VOICE, ".mp3", "Bước 1.")
    folder = tmp_path / "since-build"

    taken = voice_recording(lesson, 1, content, out / "audio", folder, Settings(["espeak"]))

    both = audio_manifest.overlaid(
        audio_manifest.load(out / "audio"), taken, audio_manifest.fingerprint(out / "audio")
    )
    assert files(out) == before
    assert (folder / both.clip("mat-khau", "vi", 1).file).read_bytes() == VOICE
    whole = both.lesson_file("mat-khau", "vi")
    assert whole.engine == "espeak+recorded" and (folder / whole.file).is_file()


def test_the_build_names_words_the_offline_voice_would_read_in_english(content, tmp_path):
    lesson = content / "lessons/vi/an-toan/lua-dao.md"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("Công an không gọi", "Giữ micro. Công an không gọi"), "utf-8")

    report, _ = build_audio(content, tmp_path / "build")

    said = [line for line in report.lines if "luật tiếng Anh" in line]
    assert said and said[0].endswith(": micro")


def test_a_recording_names_its_reader_in_the_manifest_when_they_agreed(content, tmp_path):
    folder = content / "media/giong-doc/vi/mat-khau"
    folder.mkdir(parents=True)
    (folder / "buoc-1.mp3").write_bytes(Espeak().speak("Một người đọc bước này", "vi", 1.0))
    (folder / "buoc-1.txt").write_text("Bước 1.", encoding="utf-8")
    (folder / "buoc-1.nguoi-doc.txt").write_text("Lò Thị Mai\n", encoding="utf-8")

    _, manifest = build_audio(content, tmp_path / "build")

    assert manifest["clips"]["mat-khau/vi/1"]["normal"]["reader"] == "Lò Thị Mai"
    assert "reader" not in manifest["clips"]["mat-khau/vi/2"]["normal"]
