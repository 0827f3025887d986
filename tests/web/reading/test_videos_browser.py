"""The lesson's video in a real Chromium: it plays in the page with its captions showing."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from trainer.content.build import build
from trainer.speech.stage import audio_stage
from trainer.speech.video.stage import video_stage

pytestmark = pytest.mark.browser
PUBLIC = "http://hoc.test"  # the address on the end card, as TRAINER_PUBLIC_BASE_URL gives it


@pytest.fixture
def app(make_app, content, tmp_path):
    """The real app with audio and videos made as `trainer build --videos` makes them."""
    out = tmp_path / "built"
    settings = {"CONTENT_DIR": str(content), "SPEECH_ENGINES": "espeak"}
    build(content, out, [audio_stage(settings), video_stage(settings, PUBLIC)])
    return make_app(content, BUILD_DIR=str(out), PUBLIC_BASE_URL=PUBLIC)


def test_the_video_plays_on_the_lesson_page_with_a_caption_showing(phone, live_server):
    phone.goto(f"{live_server}/bai-hoc/mat-khau")
    video = phone.locator(".zalo-video video")
    expect(video).to_be_visible()

    # Muted, as a page may start a video without a tap; the captions are what a deaf
    # learner follows.
    video.evaluate("video => { video.muted = true; return video.play(); }")

    phone.wait_for_function(
        "() => document.querySelector('.zalo-video video').currentTime > 1", timeout=20000
    )
    phone.wait_for_function(
        """() => {
          const track = document.querySelector('.zalo-video video').textTracks[0];
          return track.mode === 'showing' && track.activeCues && track.activeCues.length > 0;
        }""",
        timeout=20000,
    )
    cue = video.evaluate("video => video.textTracks[0].activeCues[0].text")
    captions = phone.request.get(f"{live_server}/bai-hoc/mat-khau/video.vtt").text()
    assert cue.replace("\n", " ") in {
        " ".join(block.splitlines()[2:]) for block in captions.split("\n\n")[1:]
    }
    assert "Mật khẩu là chìa khóa" in captions
