"""A voice another server received is played here a few seconds later, with no page asked."""

from __future__ import annotations

import time
from pathlib import Path

from trainer.extensions import db
from trainer.models import utcnow
from trainer.services.listening import shared_voices
from trainer.speech.espeak import Espeak
from trainer.web.core.serving_state import serving

VOICE = Espeak().speak("Một người đọc bước này", "vi", 1.0)  # stands in for a person


def test_a_recording_another_server_stored_is_played_here_without_any_page_request(
    app, client, content
):
    state = serving(app)
    lesson = state.catalog.lesson("mat-khau", "hmn")
    with db.sessionmaker(app)() as other_server:
        shared_voices.store(other_server, lesson, 1, VOICE, ".mp3", utcnow())

    state.start_watching(app, every=0.05)  # as each `trainer serve` process does
    try:
        deadline = time.monotonic() + 20
        while state.audio.clip("mat-khau", "hmn", 1) is None and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        state.stop_watching()

    page = client.get("/bai-hoc/mat-khau?lang=hmn").get_data(as_text=True)
    assert page.count('class="speak"') == 1
    assert (content / "media/giong-doc/hmn/mat-khau/buoc-1.mp3").read_bytes() == VOICE
    assert not Path(app.config["BUILD_DIR"]).exists()  # the build folder is the build's alone
