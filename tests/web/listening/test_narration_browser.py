"""Narration in a real Chromium: the speaker buttons and listen mode actually play."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.factories import PASSWORD, make_user

pytestmark = pytest.mark.browser


@pytest.fixture
def app(make_app, content, tmp_path, build_with_voice):
    """The real app with audio built by the offline voice (live_server serves it)."""
    out = tmp_path / "built"
    build_with_voice(content, out)
    return make_app(content, BUILD_DIR=str(out))


@pytest.fixture
def voiced_server(live_server):
    return live_server


def test_listen_mode_reads_a_step_and_moves_on_to_the_next_by_itself(phone, voiced_server):
    phone.goto(f"{voiced_server}/bai-hoc/mat-khau/nghe")
    expect(phone.locator(".part:visible")).to_have_count(1)

    phone.get_by_role("button", name="Nghe", exact=True).click()

    phone.wait_for_selector("#phan-0.reading")
    phone.wait_for_selector("#phan-1.reading", timeout=15000)
    expect(phone.locator("#phan-1")).to_have_attribute("aria-current", "step")
    expect(phone.locator("#phan-0")).to_be_hidden()
    expect(phone.get_by_role("status")).to_contain_text("Bước 1 trên 2")
    expect(phone.get_by_role("button", name="Tạm dừng")).to_be_visible()


def test_listen_mode_works_from_the_keyboard(phone, voiced_server):
    phone.goto(f"{voiced_server}/bai-hoc/mat-khau/nghe")

    phone.keyboard.press("ArrowRight")
    expect(phone.locator("#phan-1")).to_be_visible()
    phone.keyboard.press("ArrowRight")

    expect(phone.locator("#phan-2")).to_be_visible()
    phone.keyboard.press("ArrowLeft")
    expect(phone.locator("#phan-1")).to_be_visible()
    phone.keyboard.press(" ")
    phone.wait_for_selector("#phan-1.reading")


def test_a_speaker_button_plays_its_step_on_the_lesson_page(phone, voiced_server):
    phone.goto(f"{voiced_server}/bai-hoc/mat-khau")
    speaker = phone.get_by_role("button", name="Nghe đọc bước 2")

    speaker.click()

    phone.wait_for_selector("a.speak.playing")
    expect(speaker).to_have_attribute("aria-pressed", "true")
    box = speaker.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44


def test_the_slow_speed_is_remembered_on_the_device(phone, voiced_server):
    phone.goto(f"{voiced_server}/bai-hoc/mat-khau")
    phone.get_by_role("button", name="Đọc chậm").click()
    expect(phone.get_by_role("button", name="Đọc chậm")).to_have_attribute("aria-pressed", "true")

    phone.goto(f"{voiced_server}/bai-hoc/lua-dao")

    expect(phone.get_by_role("button", name="Đọc chậm")).to_have_attribute("aria-pressed", "true")
    expect(phone.get_by_role("button", name="Đọc thường")).to_have_attribute(
        "aria-pressed", "false"
    )


@pytest.mark.parametrize("path", ["/bai-hoc/mat-khau", "/bai-hoc/mat-khau/nghe"])
def test_axe_finds_no_serious_problem_with_narration(phone, voiced_server, path):
    phone.goto(voiced_server + path)

    found = Axe().run(phone).response["violations"]

    assert [v["id"] for v in found if v["impact"] in ("serious", "critical")] == []


@pytest.fixture
def microphone_page(browser):
    """A Chromium whose microphone is a fake device playing a tone, already allowed."""
    fake = browser.browser_type.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=[
            *CHROMIUM_ARGS,
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
        ],
    )
    context = fake.new_context(viewport={"width": 360, "height": 640}, locale="vi-VN")
    context.grant_permissions(["microphone"])
    yield context.new_page()
    fake.close()


def test_an_instructor_records_a_step_with_the_microphone(
    microphone_page, voiced_server, session, content
):
    user = make_user(session, "Hà Văn Tú", role="instructor")
    page = microphone_page
    page.goto(f"{voiced_server}/dang-nhap")
    page.locator("#login").fill(user.login_name)
    page.locator("#password").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.goto(f"{voiced_server}/giong-doc/mat-khau/hmn")

    record = page.locator("#phan-1").get_by_role("button", name="Ghi âm bằng micro")
    record.click()
    page.locator("#phan-1 .recorder-state").filter(has_text="Đang ghi").wait_for()
    page.wait_for_timeout(2500)  # speak for a moment (a recording under 1 s is refused)
    page.locator("#phan-1").get_by_role("button", name="Dừng và gửi").click()

    expect(page.locator(".flash.success")).to_contain_text("Đã lưu giọng đọc bước 1")
    expect(page.locator("#phan-1 audio")).to_have_count(1)
    assert (content / "media/giong-doc/hmn/mat-khau/buoc-1.mp3").stat().st_size > 1000


def test_a_speaker_button_answers_the_space_key_like_any_button(phone, voiced_server):
    phone.goto(f"{voiced_server}/bai-hoc/mat-khau")
    speaker = phone.get_by_role("button", name="Nghe đọc bước 1")
    speaker.focus()

    phone.keyboard.press(" ")

    phone.wait_for_selector("a.speak.playing", timeout=5000)
    expect(speaker).to_have_attribute("aria-pressed", "true")
