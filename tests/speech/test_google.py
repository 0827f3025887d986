"""Google's voice with its HTTP exchange replaced at the network boundary (requests)."""

import io
from pathlib import Path

import pytest
import requests

from tests.speech.conftest import GOOGLE_MP3
from trainer.speech.engines import Voices
from trainer.speech.espeak import Espeak
from trainer.speech.google import Google


@pytest.fixture
def google_fails(monkeypatch):
    """Make every request fail with the given exception; returns the requests tried."""
    tried = []

    def fail_with(error: Exception):
        def send(self, request, **kwargs):
            tried.append(kwargs)
            raise error

        monkeypatch.setattr(requests.Session, "send", send)
        return tried

    return fail_with


def test_google_voice_is_used_when_the_network_answers(google_answers, tmp_path: Path):
    voices = Voices([Google(timeout=2), Espeak()], tmp_path)

    clip = voices.synthesize("Xin chào bà con", "vi")

    assert clip.engine == "google"
    assert (tmp_path / clip.name).read_bytes() == GOOGLE_MP3
    request, options = google_answers[0]
    assert "translate.google.com" in request.url
    assert options["timeout"] == 2


def test_a_connection_failure_falls_back_and_leaves_no_empty_file(google_fails, tmp_path):
    google_fails(requests.exceptions.ConnectionError("no route to host"))
    voices = Voices([Google(), Espeak()], tmp_path)

    clip = voices.synthesize("Xin chào bà con", "vi")

    assert clip.engine == "espeak"
    assert [path.name for path in tmp_path.iterdir()] == [clip.name]
    assert all(path.stat().st_size > 1000 for path in tmp_path.iterdir())
    assert "google" in voices.down


def test_a_timeout_falls_back_to_the_offline_voice(google_fails, tmp_path):
    tried = google_fails(requests.exceptions.ReadTimeout("read timed out"))
    voices = Voices([Google(timeout=1.5), Espeak()], tmp_path)

    clip = voices.synthesize("Xin chào bà con", "vi")

    assert clip.engine == "espeak"
    assert tried[0]["timeout"] == 1.5
    assert [path.name for path in tmp_path.iterdir()] == [clip.name]


def test_after_one_network_failure_google_is_not_tried_again(google_fails, tmp_path):
    tried = google_fails(requests.exceptions.ConnectionError("no route to host"))
    voices = Voices([Google(), Espeak()], tmp_path)

    for text in ("Một", "Hai", "Ba"):
        voices.synthesize(text, "vi")

    assert len(tried) == 1


def test_a_page_that_is_not_audio_is_not_kept(monkeypatch, tmp_path):
    def captive_portal(self, request, **kwargs):
        response = requests.Response()
        response.status_code = 200
        response.request = request
        response.raw = io.BytesIO(b"<html>Wi-Fi login</html>\n")
        return response

    monkeypatch.setattr(requests.Session, "send", captive_portal)
    voices = Voices([Google(), Espeak()], tmp_path)

    clip = voices.synthesize("Xin chào bà con", "vi")

    assert clip.engine == "espeak"
