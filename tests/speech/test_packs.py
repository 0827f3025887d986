"""Audio packs: voices made on one machine, carried to another, checked clip by clip."""

import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.factories import copy_content
from tests.speech.conftest import GOOGLE_MP3
from trainer.cli import cli
from trainer.content.build import build
from trainer.content.catalog import load_catalog
from trainer.speech import manifest
from trainer.speech.espeak import Espeak
from trainer.speech.pack_import import NotAPack, import_pack
from trainer.speech.stage import Settings, audio_stage
from trainer.speech.text import read_pronunciations

VOICES = ["google", "espeak"]
STEP_1 = (
    "Bước 1. Dùng câu dài. Ghép bốn từ dễ nhớ thành một câu dài. Mẹo: Câu càng dài càng khó đoán."
)


def build_audio(content: Path, out: Path) -> manifest.Manifest:
    build(content, out, [audio_stage({"CONTENT_DIR": str(content), "SPEECH_ENGINES": VOICES})])
    return manifest.load(out / "audio")


def record(content: Path, language: str, number: int, words: str) -> bytes:
    folder = content / f"media/giong-doc/{language}/mat-khau"
    folder.mkdir(parents=True, exist_ok=True)
    voice = Espeak().speak("Một người đọc bước này", "vi", 1.0)
    (folder / f"buoc-{number}.mp3").write_bytes(voice)
    (folder / f"buoc-{number}.txt").write_text(words, encoding="utf-8")
    return voice


def export(instance: Path, content: Path, pack: Path, *options: str):
    env = {"TRAINER_INSTANCE_PATH": str(instance), "TRAINER_CONTENT_DIR": str(content)}
    return CliRunner(env=env).invoke(cli, ["audio", "export", str(pack), *options])


def take_in(pack: Path, content: Path, out: Path):
    catalog, _ = load_catalog(content)
    table, _ = read_pronunciations(content)
    return import_pack(pack, catalog, content, out / "audio", table, Settings(VOICES))


def rewrite(pack: Path, target: Path, change) -> Path:
    """A copy of pack where change(index, files) edits the list and the files."""
    with zipfile.ZipFile(pack) as archive:
        index = json.loads(archive.read("pack.json"))
        files = {name: archive.read(name) for name in archive.namelist() if name != "pack.json"}
    change(index, files)
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("pack.json", json.dumps(index))
        for name, data in files.items():
            archive.writestr(name, data)
    return target


@pytest.fixture
def made(google_answers, content, tmp_path):
    """A build with Google's voice and one recording, exported to a pack."""
    record(content, "vi", 1, STEP_1)
    (content / "media/giong-doc/vi/mat-khau/buoc-1.nguoi-doc.txt").write_text(
        "Lò Thị Mai", encoding="utf-8"
    )
    built = build_audio(content, tmp_path / "a/build")
    result = export(tmp_path / "a", content, tmp_path / "pack.zip")
    assert result.exit_code == 0, result.output
    return tmp_path / "pack.zip", built


def test_a_pack_imported_into_a_fresh_build_serves_the_same_clips(made, tmp_path, make_app):
    pack, built = made
    laptop = copy_content(tmp_path / "laptop")  # the same lessons, no recording yet

    done = take_in(pack, laptop, tmp_path / "b/build")

    assert (done.added, done.stale, done.refused) == (9, 0, [])  # 4 Google parts × 2, 1 recording
    served = manifest.load(tmp_path / "b/build/audio")
    assert served.clips == built.clips
    assert served.loudspeaker == built.loudspeaker
    assert served.clip("mat-khau", "vi", 1).engine == "recorded"
    assert (laptop / "media/giong-doc/vi/mat-khau/buoc-1.txt").is_file()
    reader = laptop / "media/giong-doc/vi/mat-khau/buoc-1.nguoi-doc.txt"
    assert reader.read_text(encoding="utf-8") == "Lò Thị Mai\n"  # the name travels with it
    app = make_app(laptop, BUILD_DIR=str(tmp_path / "b/build"))
    name = built.clip("mat-khau", "vi", 2).file
    with app.test_client().get(f"/am-thanh/{name}") as response:
        assert response.status_code == 200
        assert response.data == (tmp_path / "a/build/audio" / name).read_bytes()
    assert built.clip("mat-khau", "vi", 2).engine == "google"


def test_a_build_with_no_network_keeps_the_google_clips_it_imported(made, tmp_path, monkeypatch):
    pack, built = made
    laptop = copy_content(tmp_path / "laptop")
    take_in(pack, laptop, tmp_path / "b/build")
    monkeypatch.undo()  # no Google any more: requests fail as in every test

    rebuilt = build_audio(laptop, tmp_path / "b/build")

    assert rebuilt.clip("mat-khau", "vi", 2).engine == "google"
    assert rebuilt.clips == built.clips


def test_a_fake_mp3_an_oversized_clip_and_a_stale_clip_are_refused_one_by_one(made, tmp_path):
    pack, built = made
    fake, big = built.clip("mat-khau", "vi", 0).file, built.clip("mat-khau", "vi", 2).file

    def spoil(index, files):
        files[f"clips/{fake}"] = b"ID3" + bytes(7) + b"<html>not audio</html>" * 40
        files[f"clips/{big}"] = GOOGLE_MP3 + bytes(6 * 1024 * 1024)

    spoiled = rewrite(pack, tmp_path / "spoiled.zip", spoil)
    laptop = copy_content(tmp_path / "laptop")
    lesson = laptop / "lessons/vi/an-toan/lua-dao.md"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("bắt chuyển tiền", "đòi chuyển tiền"), encoding="utf-8")

    done = take_in(spoiled, laptop, tmp_path / "b/build")

    assert done.refused == [
        "mat-khau/vi/0 (normal): không phải tệp MP3 thật (không có khung MP3)",
        "mat-khau/vi/2 (normal): tệp quá lớn (6 MB); tối đa là 5 MB",
    ]
    assert done.stale == 2  # lua-dao/vi/1 at both speeds: its words changed
    assert done.added == 5
    served = manifest.load(tmp_path / "b/build/audio")
    assert served.clip("mat-khau", "vi", 0, "slow") is not None
    assert served.clip("mat-khau", "vi", 0) is None
    assert served.clip("lua-dao", "vi", 1) is None


def test_a_recording_is_never_replaced_by_a_machine_voice(google_answers, content, tmp_path):
    build_audio(content, tmp_path / "a/build")
    export(tmp_path / "a", content, tmp_path / "pack.zip")
    laptop = copy_content(tmp_path / "laptop")
    mine = record(laptop, "vi", 1, STEP_1)
    build_audio(laptop, tmp_path / "b/build")

    done = take_in(tmp_path / "pack.zip", laptop, tmp_path / "b/build")

    assert done.kept == 2
    step = manifest.load(tmp_path / "b/build/audio").clip("mat-khau", "vi", 1)
    assert step.engine == "recorded"
    assert (tmp_path / "b/build/audio" / step.file).read_bytes() == mine


def test_a_clip_whose_name_does_not_match_its_words_is_refused(made, tmp_path):
    pack, _ = made

    def lie(index, files):
        first, *rest = index["clips"]  # says it reads its part, but holds another part's file
        first["file"] = next(c["file"] for c in rest if c["key"] != first["key"])

    lying = rewrite(pack, tmp_path / "lie.zip", lie)

    done = take_in(lying, copy_content(tmp_path / "laptop"), tmp_path / "b/build")

    assert any("tên tệp không khớp với nội dung" in line for line in done.refused)


def test_a_file_that_is_not_a_pack_is_refused_as_a_whole(tmp_path, content):
    (tmp_path / "notes.zip").write_bytes(b"not a zip at all")

    with pytest.raises(NotAPack, match="không phải là gói âm thanh"):
        take_in(tmp_path / "notes.zip", content, tmp_path / "b")


def test_export_takes_only_the_chosen_language_and_topic(made, content, tmp_path):
    record(content, "hmn", 2, "Ib kab lus")
    build_audio(content, tmp_path / "a/build")

    hmong = export(tmp_path / "a", content, tmp_path / "hmn.zip", "--language", "hmn")
    other = export(tmp_path / "a", content, tmp_path / "none.zip", "--topic", "nong-nghiep")

    with zipfile.ZipFile(tmp_path / "hmn.zip") as archive:
        keys = [clip["key"] for clip in json.loads(archive.read("pack.json"))["clips"]]
    assert keys == ["mat-khau/hmn/2"]
    assert "1 đoạn trong 1 tệp" in hmong.output
    assert "0 đoạn" in other.output


def test_export_leaves_out_parts_whose_words_changed_since_the_build(made, content, tmp_path):
    lesson = content / "lessons/vi/an-toan/lua-dao.md"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("bắt chuyển tiền", "đòi chuyển tiền"), encoding="utf-8")

    result = export(tmp_path / "a", content, tmp_path / "again.zip")

    assert "Bỏ ra lua-dao/vi/1: the words changed since the last `trainer build`" in result.output


def test_trainer_audio_import_prints_what_it_did(made, tmp_path):
    pack, _ = made
    laptop = copy_content(tmp_path / "laptop")
    env = {"TRAINER_INSTANCE_PATH": str(tmp_path / "b"), "TRAINER_CONTENT_DIR": str(laptop)}

    result = CliRunner(env=env).invoke(cli, ["audio", "import", str(pack)])

    assert result.exit_code == 0, result.output
    assert "Thêm 9 đoạn, 0 đoạn đã có, 0 đoạn cũ" in result.output


def test_a_pack_listing_one_clip_thousands_of_times_reads_it_once(made, tmp_path, monkeypatch):
    pack, _ = made

    def repeat(index, files):
        index["clips"] = index["clips"] + [index["clips"][0]] * 5000

    repeated = rewrite(pack, tmp_path / "repeated.zip", repeat)
    laptop = copy_content(tmp_path / "laptop")
    reads = []
    original = zipfile.ZipFile.read
    monkeypatch.setattr(
        zipfile.ZipFile,
        "read",
        lambda self, name, *a: reads.append(name) or original(self, name, *a),
    )

    done = take_in(repeated, laptop, tmp_path / "b/build")

    assert (done.added, done.repeated, done.refused) == (9, 5000, [])
    assert len(reads) == len(set(reads))  # pack.json and each clip once


def test_a_pack_with_more_entries_than_any_real_one_is_refused_as_a_whole(made, tmp_path):
    pack, _ = made

    def swell(index, files):
        index["clips"] = index["clips"] * 2000

    swollen = rewrite(pack, tmp_path / "swollen.zip", swell)

    with pytest.raises(NotAPack, match="tối đa là 10000"):
        take_in(swollen, copy_content(tmp_path / "laptop"), tmp_path / "b/build")
