"""Which voice a listener hears, the plays that order the recording queue, and audio packs."""

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from mutagen.mp3 import MP3

from tests.factories import make_user
from trainer.content.build import build
from trainer.speech.espeak import Espeak
from trainer.speech.stage import audio_stage

VOICE = Espeak().speak("Một người đọc bước này thật chậm", "vi", 1.0)  # stands in for a person


@pytest.fixture
def app(make_app, content, tmp_path):
    """The app with the test content voiced offline."""
    out = tmp_path / "built"
    build(content, out, [audio_stage({"CONTENT_DIR": str(content), "SPEECH_ENGINES": "espeak"})])
    return make_app(content, BUILD_DIR=str(out))


@pytest.fixture
def instructor(session, login):
    user = make_user(session, "Hà Văn Tú", role="instructor")
    login(user)
    return user


def page(client, url: str) -> str:
    return client.get(url).get_data(as_text=True)


def record(client, login, number: int, reader: str = ""):
    token = login.token("/giong-doc/mat-khau/vi")
    return client.post(
        f"/giong-doc/mat-khau/vi/{number}",
        data={"csrf_token": token, "tep": (io.BytesIO(VOICE), "giong.mp3"), "nguoi_doc": reader},
        content_type="multipart/form-data",
        follow_redirects=True,
    )


def test_every_speaker_button_and_listen_mode_say_a_machine_voice_reads(client):
    lesson, listen = page(client, "/bai-hoc/mat-khau"), page(client, "/bai-hoc/mat-khau/nghe")

    assert lesson.count('<span class="voice-who" aria-hidden="true">Giọng máy</span>') == 2
    assert 'aria-label="Nghe đọc bước 2, Giọng máy"' in lesson
    assert listen.count(">Giọng máy</p>") == 3  # the intro and both steps
    assert "MP3, 0 phút" in lesson and "KB · Giọng máy</span>" in lesson  # the loudspeaker file


def test_a_recorded_step_names_its_reader_when_they_agree(client, login, instructor):
    record(client, login, 1, reader="Lò Thị Mai")
    record(client, login, 2)  # this reader chose not to be named

    lesson, listen = page(client, "/bai-hoc/mat-khau"), page(client, "/bai-hoc/mat-khau/nghe")

    assert 'aria-label="Nghe đọc bước 1, Giọng đọc: Lò Thị Mai"' in lesson
    assert 'aria-label="Nghe đọc bước 2, Giọng người đọc"' in lesson
    assert ">Giọng đọc: Lò Thị Mai</p>" in listen
    assert "· Giọng đọc: Lò Thị Mai và giọng máy</span>" in lesson  # the intro is the machine's
    assert "Đã có người đọc: Lò Thị Mai." in page(client, "/giong-doc/mat-khau/vi")


def test_the_loudspeaker_file_says_who_reads_in_its_tags(client, login, instructor, tmp_path):
    record(client, login, 1, reader="Lò Thị Mai")

    with client.get("/bai-hoc/mat-khau/loa-truyen-thanh.mp3") as response:
        (tmp_path / "loa.mp3").write_bytes(response.get_data())

    tags = MP3(tmp_path / "loa.mp3").tags
    assert str(tags["TIT2"]) == "Mật khẩu an toàn"
    assert str(tags["TPE1"]) == "Giọng đọc: Lò Thị Mai và giọng máy"


def test_each_press_counts_one_play_and_the_queue_follows_the_plays(client, login, instructor):
    for number, presses in ((2, 3), (1, 1)):
        for _ in range(presses):
            assert client.post(f"/nghe/dem/mat-khau/vi/{number}").status_code == 204

    overview = page(client, "/giong-doc/")

    queue = re.findall(
        r"Mật khẩu an toàn</span>: (mở đầu|bước \d)</a>\s*<span[^>]*>[^<]*?(\d+) lượt", overview
    )
    assert queue[:3] == [("bước 2", "3"), ("bước 1", "1"), ("mở đầu", "0")]
    assert "0 / 4 (0%)" in overview  # of 4 plays in Vietnamese, none hears a person yet


def test_a_stale_recording_comes_first_in_the_queue(client, login, instructor, content):
    record(client, login, 2)
    (content / "media/giong-doc/vi/mat-khau/buoc-2.txt").write_text("Chữ cũ.", encoding="utf-8")
    client.post("/nghe/dem/mat-khau/vi/1")

    overview = page(client, "/giong-doc/")

    first = re.search(
        r'<ol class="voice-queue">\s*<li class="(\w+)">.*?</span>: ([^<]+)</a>', overview
    )
    assert first.groups() == ("stale", "bước 2")


def test_plays_of_unknown_lessons_or_parts_without_audio_are_not_counted(client):
    assert client.post("/nghe/dem/khong-co/vi/1").status_code == 404
    assert client.post("/nghe/dem/mat-khau/vi/9").status_code == 404
    assert client.post("/nghe/dem/mat-khau/hmn/1").status_code == 404  # no voice yet
    assert client.get("/nghe/dem/mat-khau/vi/1").status_code == 405


def test_the_recording_page_offers_the_phones_recorder_when_the_browser_cannot_record(
    client, login, instructor
):
    html = page(client, "/giong-doc/mat-khau/vi")

    assert 'class="notice recorder-unavailable"' in html  # hidden by recorder.js where it works
    assert "https://" in html
    assert html.count('type="file" accept="audio/*"') == 3


def test_an_admin_uploads_a_pack_and_the_page_says_what_it_took(app, client, login, session):
    login(make_user(session, "Quản Trị", role="admin"))
    with client.get("/giong-doc/goi-am-thanh/tai-ve.zip") as response:
        assert response.status_code == 200
        pack = response.get_data()
    with zipfile.ZipFile(io.BytesIO(pack)) as archive:
        assert len(json.loads(archive.read("pack.json"))["clips"]) == 10
    Path(app.config["BUILD_DIR"], "audio", "manifest.json").unlink()  # as on a fresh laptop

    token = login.token("/giong-doc/goi-am-thanh/")
    answer = client.post(
        "/giong-doc/goi-am-thanh/",
        data={"csrf_token": token, "goi": (io.BytesIO(pack), "giong-doc.zip")},
        content_type="multipart/form-data",
    )

    html = answer.get_data(as_text=True)
    assert answer.status_code == 200
    assert "10 tệp được thêm vào." in html and "0 tệp bị từ chối." in html
    assert len(re.findall(r'class="speak"', page(client, "/bai-hoc/mat-khau"))) == 2


def test_a_file_that_is_not_a_pack_is_refused_with_a_message(client, login, session):
    login(make_user(session, "Quản Trị", role="admin"))
    token = login.token("/giong-doc/goi-am-thanh/")

    answer = client.post(
        "/giong-doc/goi-am-thanh/",
        data={"csrf_token": token, "goi": (io.BytesIO(b"not a zip"), "anh.jpg")},
        content_type="multipart/form-data",
    )

    assert answer.status_code == 400
    assert "không phải là gói âm thanh" in answer.get_data(as_text=True)


def test_only_admins_take_in_packs(client, login, instructor):
    assert client.get("/giong-doc/goi-am-thanh/").status_code == 403
    assert "Gói âm thanh" not in page(client, "/giong-doc/")


def test_one_address_adds_at_most_a_few_plays_however_many_it_sends(app, client, session):
    from trainer.services.listening.plays import plays_in
    from trainer.web.listening.plays import write_pending

    answers = [client.post("/nghe/dem/mat-khau/vi/2").status_code for _ in range(500)]
    with app.test_request_context():
        write_pending()

    assert answers.count(204) <= 50 and answers[-1] == 429
    assert 0 < plays_in(session, "vi")[("mat-khau", 2)] <= 50
