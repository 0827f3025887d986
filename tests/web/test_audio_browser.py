"""Narration in a real Chromium: the speaker buttons and listen mode actually play."""

import threading

import pytest
from werkzeug.serving import make_server

from trainer.content.audio import audio_stage
from trainer.content.build import build

pytestmark = pytest.mark.browser


@pytest.fixture
def voiced_server(make_app, content, tmp_path):
    """The real app, with audio built by the offline voice, over real HTTP."""
    out = tmp_path / "built"
    build(content, out, [audio_stage({"CONTENT_DIR": str(content), "SPEECH_ENGINES": "espeak"})])
    app = make_app(content, BUILD_DIR=str(out))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)
    server.server_close()


def test_listen_mode_reads_a_step_and_moves_on_to_the_next_by_itself(phone, voiced_server):
    phone.goto(f"{voiced_server}/bai-hoc/mat-khau/nghe")
    assert phone.locator(".part:visible").count() == 1

    phone.get_by_role("button", name="Nghe", exact=True).click()

    phone.wait_for_selector("#phan-0.reading")
    phone.wait_for_selector("#phan-1.reading", timeout=15000)
    assert phone.locator("#phan-1").get_attribute("aria-current") == "step"
    assert phone.locator("#phan-0").is_hidden()
    assert "Bước 1 trên 2" in phone.get_by_role("status").inner_text()
    assert phone.get_by_role("button", name="Tạm dừng").is_visible()


def test_listen_mode_works_from_the_keyboard(phone, voiced_server):
    phone.goto(f"{voiced_server}/bai-hoc/mat-khau/nghe")

    phone.keyboard.press("ArrowRight")
    phone.keyboard.press("ArrowRight")

    assert phone.locator("#phan-2").is_visible()
    phone.keyboard.press("ArrowLeft")
    assert phone.locator("#phan-1").is_visible()
    phone.keyboard.press(" ")
    phone.wait_for_selector("#phan-1.reading")


def test_a_speaker_button_plays_its_step_on_the_lesson_page(phone, voiced_server):
    phone.goto(f"{voiced_server}/bai-hoc/mat-khau")
    speaker = phone.get_by_role("button", name="Nghe đọc bước 2")

    speaker.click()

    phone.wait_for_selector("a.speak.playing")
    assert speaker.get_attribute("aria-pressed") == "true"
    box = speaker.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44


def test_the_slow_speed_is_remembered_on_the_device(phone, voiced_server):
    phone.goto(f"{voiced_server}/bai-hoc/mat-khau")
    phone.get_by_role("button", name="Đọc chậm").click()

    phone.goto(f"{voiced_server}/bai-hoc/lua-dao")

    assert phone.get_by_role("button", name="Đọc chậm").get_attribute("aria-pressed") == "true"
    assert phone.get_by_role("button", name="Đọc thường").get_attribute("aria-pressed") == "false"
