"""Instructors upload or record a person's voice for a step; bad files are refused."""

import io
import re
import shutil
import wave
from pathlib import Path

import pytest
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from tests.factories import make_user
from trainer.speech.espeak import Espeak

VOICE = Espeak().speak("Một người đọc bước này thật chậm", "vi", 1.0)  # stands in for a person


@pytest.fixture
def app(make_app, content, tmp_path, build_with_voice):
    """The app with the test content voiced offline, so recordings replace real audio."""
    out = tmp_path / "built"
    build_with_voice(content, out)
    return make_app(content, BUILD_DIR=str(out))


@pytest.fixture
def instructor(session, login):
    user = make_user(session, "Hà Văn Tú", role="instructor")
    login(user)
    return user


def upload(client, login, path: str, data: bytes, name: str = "giong.mp3"):
    token = login.token("/giong-doc/mat-khau/hmn")
    sent = FileStorage(io.BytesIO(data), filename=name, content_type="application/octet-stream")
    boundary, body = encode_multipart(MultiDict({"csrf_token": token, "tep": sent}))
    return client.post(  # the body in memory: a refused one leaves no temporary file open
        path,
        data=body,
        content_type=f"multipart/form-data; boundary={boundary}",
        follow_redirects=True,
    )


def wav_bytes(seconds: float, rate: int = 16000) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(2 * int(rate * seconds)))
    return buffer.getvalue()


def speaker_files(client, url: str) -> list[str]:
    return re.findall(r'class="speak" href="([^"]+)"', client.get(url).get_data(as_text=True))


def test_an_uploaded_recording_is_played_on_the_lesson_page(client, login, instructor, content):
    assert speaker_files(client, "/bai-hoc/mat-khau?lang=hmn") == []  # no voice speaks H'Mông

    page = upload(client, login, "/giong-doc/mat-khau/hmn/1", VOICE)

    assert "Đã lưu giọng đọc bước 1" in page.get_data(as_text=True)
    [played] = speaker_files(client, "/bai-hoc/mat-khau?lang=hmn")
    with client.get(played) as response:
        assert response.get_data() == VOICE
    saved = content / "media/giong-doc/hmn/mat-khau"
    assert (saved / "buoc-1.mp3").read_bytes() == VOICE
    assert "Siv ib kab lus ntev" in (saved / "buoc-1.txt").read_text(encoding="utf-8")


def test_a_recording_replaces_the_synthetic_voice(client, login, instructor):
    before = speaker_files(client, "/bai-hoc/mat-khau")

    upload(client, login, "/giong-doc/mat-khau/vi/2", VOICE)

    after = speaker_files(client, "/bai-hoc/mat-khau")
    assert after[0] == before[0] and after[1] != before[1]


def test_a_file_that_is_not_audio_is_refused_with_a_clear_message(
    client, login, instructor, content
):
    page = upload(client, login, "/giong-doc/mat-khau/hmn/1", b"<html>not a voice</html>")

    assert "Tệp này không phải là âm thanh" in page.get_data(as_text=True)
    assert not (content / "media/giong-doc").exists()


def test_a_recording_longer_than_two_minutes_is_refused(client, login, instructor, content):
    page = upload(client, login, "/giong-doc/mat-khau/hmn/1", wav_bytes(121, 8000), "dai.wav")

    assert "Tối đa là 2 phút" in page.get_data(as_text=True)
    assert not (content / "media/giong-doc").exists()


def test_a_file_over_five_megabytes_is_refused(client, login, instructor, content):
    page = upload(
        client, login, "/giong-doc/mat-khau/hmn/1", VOICE * (6 * 1024 * 1024 // len(VOICE))
    )

    assert "Tối đa là 5 MB" in page.get_data(as_text=True)
    assert not (content / "media/giong-doc").exists()


def test_a_browser_recording_arrives_as_wav_and_is_kept_as_a_small_mp3(
    client, login, instructor, content
):
    page = upload(client, login, "/giong-doc/mat-khau/hmn/2", wav_bytes(3), "ghi-am.wav")

    assert "Đã lưu giọng đọc bước 2 (3 giây)" in page.get_data(as_text=True)
    kept = content / "media/giong-doc/hmn/mat-khau/buoc-2.mp3"
    assert kept.stat().st_size < len(wav_bytes(3)) / 5


def test_a_recording_made_before_the_text_changed_is_marked_stale(app, client, instructor, content):
    folder = content / "media/giong-doc/hmn/mat-khau"
    folder.mkdir(parents=True)
    (folder / "buoc-1.mp3").write_bytes(VOICE)
    (folder / "buoc-1.txt").write_text("Cov lus qub ua ntej kho.", encoding="utf-8")

    html = client.get("/giong-doc/mat-khau/hmn").get_data(as_text=True)
    overview = client.get("/giong-doc/").get_data(as_text=True)

    assert "Cần ghi lại:" in html
    # recorded, to record again, parts (the intro and two steps)
    assert re.search(r"Tiếng H&#39;Mông</th><td>1</td><td>1</td><td>3</td>", overview)


def test_members_may_not_upload(client, login, session):
    login(make_user(session, role="member"))

    assert client.get("/giong-doc/mat-khau/hmn").status_code == 403


def test_visitors_are_sent_to_sign_in(client):
    response = client.get("/giong-doc/")

    assert response.status_code == 302
    assert "/dang-nhap" in response.headers["Location"]


def test_a_recording_uploaded_before_any_build_is_played_at_once(app, client, login, instructor):
    shutil.rmtree(Path(app.config["BUILD_DIR"]) / "audio")  # as on a server never built

    upload(client, login, "/giong-doc/mat-khau/vi/1", VOICE)

    assert len(speaker_files(client, "/bai-hoc/mat-khau")) == 1
