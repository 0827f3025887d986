import re
from pathlib import Path

import pytest

from trainer.content.build import build
from trainer.speech import mp3
from trainer.speech.stage import audio_stage


@pytest.fixture
def voiced(make_app, content, tmp_path, build_with_voice):
    """The app over the test content with its audio built by the real offline voice."""
    out = tmp_path / "built"
    build_with_voice(content, out)
    return make_app(content, BUILD_DIR=str(out)).test_client()


def fetch(client, url: str, **headers):
    """A response read whole and closed, as a browser would (send_file streams from disk)."""
    with client.get(url, headers=headers) as response:
        response.get_data()
        return response


def speaker_links(html: str) -> list[str]:
    return re.findall(r'<a class="speak" href="([^"]+)"', html)


def test_every_step_has_a_speaker_button_with_an_accessible_name(voiced):
    html = voiced.get("/bai-hoc/mat-khau").get_data(as_text=True)

    assert len(speaker_links(html)) == 2
    assert 'aria-label="Nghe đọc bước 1, Giọng máy"' in html  # who reads it, said plainly
    assert "<audio" not in html  # nothing is downloaded until someone presses play


def test_a_step_audio_file_is_an_mp3_cached_for_a_year(voiced):
    url = speaker_links(voiced.get("/bai-hoc/mat-khau").get_data(as_text=True))[0]

    response = fetch(voiced, url)

    assert response.status_code == 200
    assert response.mimetype == "audio/mpeg"
    assert mp3.seconds(response.data) > 1
    assert response.headers["Accept-Ranges"] == "bytes"
    assert response.cache_control.max_age == 365 * 24 * 3600
    assert response.cache_control.immutable


def test_a_range_request_gets_206_with_exactly_those_bytes(voiced):
    url = speaker_links(voiced.get("/bai-hoc/mat-khau").get_data(as_text=True))[0]
    whole = fetch(voiced, url).data

    response = fetch(voiced, url, Range="bytes=1000-1999")

    assert response.status_code == 206
    assert response.data == whole[1000:2000]
    assert response.headers["Content-Range"] == f"bytes 1000-1999/{len(whole)}"


def test_a_phone_that_has_the_file_gets_304(voiced):
    url = speaker_links(voiced.get("/bai-hoc/mat-khau").get_data(as_text=True))[0]
    etag = fetch(voiced, url).headers["ETag"]

    response = fetch(voiced, url, **{"If-None-Match": etag})

    assert response.status_code == 304


@pytest.mark.parametrize("name", ["manifest.json", "..%2Fmanifest.mp3", "khong-co.mp3", ".part-x"])
def test_only_built_audio_files_are_served(voiced, name):
    assert voiced.get(f"/am-thanh/{name}").status_code == 404


def test_the_slow_button_points_at_the_slow_version(voiced):
    html = voiced.get("/bai-hoc/mat-khau").get_data(as_text=True)
    normal, slow = re.search(r'class="speak" href="([^"]+)" data-slow="([^"]+)"', html).groups()

    normal_seconds = mp3.seconds(fetch(voiced, normal).data)
    slow_seconds = mp3.seconds(fetch(voiced, slow).data)

    assert slow_seconds > normal_seconds * 1.1


def test_the_loudspeaker_file_downloads_under_the_lesson_name(voiced):
    html = voiced.get("/bai-hoc/mat-khau").get_data(as_text=True)
    link = re.search(r'<p class="loudspeaker" lang="vi">\s*<a href="([^"]+)"', html).group(1)

    response = fetch(voiced, link)

    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == "attachment; filename=mat-khau-vi.mp3"
    assert mp3.seconds(response.data) > 5


def test_a_translation_without_recordings_says_it_has_no_audio_yet(voiced):
    html = voiced.get("/bai-hoc/mat-khau?lang=hmn").get_data(as_text=True)

    assert speaker_links(html) == []
    assert "Bài này chưa có tiếng đọc bằng Tiếng H&#39;Mông." in html


def test_without_a_build_the_lesson_page_has_no_speaker_buttons(client):
    html = client.get("/bai-hoc/mat-khau").get_data(as_text=True)

    assert speaker_links(html) == []
    assert client.get("/bai-hoc/mat-khau/nghe").status_code == 200


def test_listen_mode_shows_every_part_with_its_audio(voiced):
    html = voiced.get("/bai-hoc/mat-khau/nghe").get_data(as_text=True)

    assert html.count('class="part"') == 3  # title and intro, then two steps
    assert html.count("data-normal=") == 3
    assert 'aria-label="Nghe"' in html


def test_a_running_server_picks_up_audio_built_after_it_started(app, client, content, monkeypatch):
    from trainer.web.listening import narration as audio

    monkeypatch.setattr(audio, "CHECK_EVERY", 0)
    assert speaker_links(client.get("/bai-hoc/mat-khau").get_data(as_text=True)) == []
    stage = audio_stage({"CONTENT_DIR": str(content), "SPEECH_ENGINES": "espeak"})

    build(content, Path(app.config["BUILD_DIR"]), [stage])

    assert len(speaker_links(client.get("/bai-hoc/mat-khau").get_data(as_text=True))) == 2
