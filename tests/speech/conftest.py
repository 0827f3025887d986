"""Google's voice answering at the network boundary, for the tests that need it."""

import base64
import io

import pytest
import requests

from trainer.speech import mp3

GOOGLE_MP3 = mp3.silence(0.6, 24000, 32)  # what Google would send: a real, short MP3


@pytest.fixture
def google_answers(monkeypatch):
    """Google's batchexecute endpoint answering with GOOGLE_MP3; returns the requests seen."""
    seen = []

    def send(self, request, **kwargs):
        seen.append((request, kwargs))
        payload = base64.b64encode(GOOGLE_MP3).decode()
        response = requests.Response()
        response.status_code = 200
        response.request = request
        response.raw = io.BytesIO(
            f')]}}\'\n\n[["wrb.fr","jQ1olc","[\\"{payload}\\"]",null,null,null,"generic"]]\n'.encode()
        )
        return response

    monkeypatch.setattr(requests.Session, "send", send)
    return seen
