"""A lesson's video for a Zalo group on the site: offered on the lesson page, the handout
and the topic page, downloaded or played with captions, made once on first request."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.factories import copy_content
from trainer.content.build import build
from trainer.speech.stage import audio_stage
from trainer.speech.video.stage import video_stage

# The test client asks at http://localhost/: the address on the videos' end card.
BASE = "http://localhost"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A build folder with the test content voiced by espeak-ng and its videos made, as
    `trainer build --videos --address http://localhost` makes them."""
    root = tmp_path_factory.mktemp("videos")
    content = copy_content(root / "content")
    settings = {"CONTENT_DIR": str(content), "SPEECH_ENGINES": "espeak"}
    build(content, root / "built", [audio_stage(settings), video_stage(settings, BASE)])
    return root / "built"


@pytest.fixture(scope="module")
def voiced_only(tmp_path_factory) -> Path:
    """A build folder with the audio but no video yet."""
    root = tmp_path_factory.mktemp("voiced")
    content = copy_content(root / "content")
    settings = {"CONTENT_DIR": str(content), "SPEECH_ENGINES": "espeak"}
    build(content, root / "built", [audio_stage(settings)])
    return root / "built"


@pytest.fixture
def client(make_app, content, built):
    return make_app(content, BUILD_DIR=str(built)).test_client()


@pytest.fixture
def fresh(make_app, content, voiced_only):
    """An app whose videos are not made yet."""
    return make_app(content, BUILD_DIR=str(voiced_only))


def fetch(client, url: str, **headers):
    with client.get(url, headers=headers) as response:
        response.get_data()
        return response


def test_the_lesson_page_offers_the_video_with_its_length_size_and_voice(client):
    html = client.get("/bai-hoc/mat-khau").get_data(as_text=True)

    assert "Video cho nhóm Zalo" in html
    assert re.search(r"MP4, 0 phút \d+ giây, 0,\d MB · Giọng máy · có phụ đề", html)
    assert 'href="/bai-hoc/mat-khau/video.mp4" download' in html
    assert '<video controls preload="none"' in html  # nothing downloads before play
    assert '<track kind="captions" src="/bai-hoc/mat-khau/video.vtt"' in html


def test_the_video_downloads_as_an_mp4_and_plays_in_the_page_with_xem(client):
    download = fetch(client, "/bai-hoc/mat-khau/video.mp4")
    watch = fetch(client, "/bai-hoc/mat-khau/video.mp4?xem=1")

    assert download.status_code == 200
    assert download.mimetype == "video/mp4"
    assert download.headers["Content-Disposition"].startswith("attachment")
    assert "mat-khau-vi.mp4" in download.headers["Content-Disposition"]
    assert download.data[4:8] == b"ftyp"
    assert watch.headers["Content-Disposition"].startswith("inline")


def test_a_phone_seeking_in_the_video_gets_just_those_bytes(client):
    whole = fetch(client, "/bai-hoc/mat-khau/video.mp4?xem=1").data

    part = fetch(client, "/bai-hoc/mat-khau/video.mp4?xem=1", Range="bytes=1000-1999")

    assert part.status_code == 206
    assert part.data == whole[1000:2000]


def test_the_captions_are_webvtt_with_the_steps_words(client):
    response = client.get("/bai-hoc/mat-khau/video.vtt")
    text = response.get_data(as_text=True)

    assert response.mimetype == "text/vtt"
    assert text.startswith("WEBVTT")
    assert text.index("Mật khẩu là chìa khóa") < text.index("Ghép bốn từ") < text.index("lừa đảo")


def test_a_language_whose_steps_are_not_all_voiced_has_no_video_and_the_page_says_why(client):
    html = client.get("/bai-hoc/mat-khau?lang=hmn").get_data(as_text=True)
    video = client.get("/bai-hoc/mat-khau/video.mp4?lang=hmn")

    why = "Chưa có video tiếng H'Mông: 3 trong 3 phần của bài"
    assert why in html.replace("&#39;", "'")
    assert "<video" not in html
    assert video.status_code == 404
    assert why in video.get_data(as_text=True).replace("&#39;", "'")
    assert client.get("/bai-hoc/mat-khau/video.vtt?lang=hmn").status_code == 404


def test_the_handout_names_the_video_with_its_address(client):
    html = client.get("/bai-hoc/mat-khau/in").get_data(as_text=True)

    assert re.search(r"Video cho nhóm Zalo \(MP4, 0 phút \d+ giây, 0,\d MB", html)
    assert f"{BASE}/bai-hoc/mat-khau/video.mp4" in html


def test_the_topic_page_links_each_voiced_lessons_video(client):
    html = client.get("/chu-de/an-toan").get_data(as_text=True)

    assert '<a href="/bai-hoc/mat-khau/video.mp4">video cho nhóm Zalo</a>' in html


def test_a_video_not_made_yet_is_made_once_on_the_first_request(fresh):
    client = fresh.test_client()
    page = client.get("/bai-hoc/lua-dao").get_data(as_text=True)
    assert "Làm video để gửi nhóm Zalo" in page

    first = client.get("/bai-hoc/lua-dao/video.mp4")
    again = client.get("/bai-hoc/lua-dao/video.mp4")

    assert first.status_code == again.status_code == 202
    assert "Đang làm video" in first.get_data(as_text=True)
    assert first.headers["Refresh"] == "5"
    jobs = fresh.extensions["video_jobs"]
    assert jobs.wait(timeout=300)
    made = list(jobs.folder.glob("*.mp4"))
    assert len(made) == 1
    assert fetch(client, "/bai-hoc/lua-dao/video.mp4").mimetype == "video/mp4"
    assert fetch(client, "/bai-hoc/lua-dao/video.mp4").status_code == 200
    assert jobs.wait(timeout=1)  # served from the file: nothing queued again
    assert list(jobs.folder.glob("*.mp4")) == made
    assert re.search(r"MP4, 0 phút \d+ giây, 0,\d MB", client.get("/bai-hoc/lua-dao").text)


def test_without_ffmpeg_the_server_says_it_cannot_make_the_video(fresh, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")  # as on a machine without Debian's ffmpeg

    response = fresh.test_client().get("/bai-hoc/lua-dao/video.mp4")

    assert response.status_code == 503
    assert "Máy chủ chưa cài FFmpeg" in response.get_data(as_text=True)


def test_a_topic_kept_on_the_phone_offers_its_videos_as_an_option(client):
    pack = client.get("/chu-de/an-toan/goi.json").get_json()
    videos = {file["url"]: file for file in pack["files"] if file["kind"] == "video"}
    video = fetch(client, "/bai-hoc/mat-khau/video.mp4?xem=1")

    assert videos["/bai-hoc/mat-khau/video.mp4?xem=1"]["size"] == len(video.data)
    assert "/bai-hoc/mat-khau/video.vtt" in videos
    assert pack["size_of_video"] == sum(file["size"] for file in videos.values())
    assert pack["size"] == sum(f["size"] for f in pack["files"] if f["kind"] not in
                               ("video", "slow-audio"))  # fmt: skip


def test_no_video_is_made_for_a_host_name_this_server_does_not_have(fresh):
    response = fresh.test_client().get(
        "/bai-hoc/lua-dao/video.mp4", headers={"Host": "made-up.example"}
    )

    assert response.status_code == 400
    assert fresh.extensions["video_jobs"].wait(timeout=1)  # nothing queued
    assert not list(fresh.extensions["video_jobs"].folder.glob("*.mp4"))
