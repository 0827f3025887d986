"""Projector mode: a whole lesson taught from a laptop, one step per slide."""

import re
from pathlib import Path

import pytest

from tests.serving import serving
from trainer.content.build import build
from trainer.speech.stage import audio_stage


def test_projector_mode_shows_every_step_as_a_slide(client):
    html = client.get("/bai-hoc/mat-khau/trinh-chieu").get_data(as_text=True)

    assert html.count('<section class="slide') == 4  # opening, two steps, end
    assert 'id="buoc-2"' in html
    assert "Không đưa mật khẩu cho ai" in html


def test_projector_mode_uses_no_outside_file(client):
    html = client.get("/bai-hoc/mat-khau/trinh-chieu").get_data(as_text=True)

    assert "http://" not in html.replace('href="http://localhost', "")
    assert "https://" not in html


def test_projector_mode_shows_the_readers_language(client):
    html = client.get("/bai-hoc/mat-khau/trinh-chieu?lang=hmn").get_data(as_text=True)

    assert "Tus password uas muaj kev nyab xeeb" in html


def test_projector_mode_of_an_unknown_lesson_is_not_found(client):
    assert client.get("/bai-hoc/khong-co/trinh-chieu").status_code == 404


def test_the_lesson_page_links_to_projector_mode_without_loading_its_script(client):
    html = client.get("/bai-hoc/mat-khau").get_data(as_text=True)

    assert 'href="/bai-hoc/mat-khau/trinh-chieu"' in html
    assert "projector" not in html.split("<main", 1)[0]  # no projector CSS or JS in the head
    assert "<script" not in html


def test_the_presenter_view_has_the_next_step(client):
    html = client.get("/bai-hoc/mat-khau/trinh-chieu/nguoi-day").get_data(as_text=True)

    assert 'Tiếp theo: Bước 2 · <span lang="vi">Không đưa mật khẩu cho ai</span>' in html


@pytest.fixture
def hall(browser):
    """A laptop's screen on the projector: 1280 × 720."""
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="vi-VN")
    page = context.new_page()
    yield page
    context.close()


def visible_slide(page) -> str:
    return page.locator(".slide:not([hidden])").get_attribute("id")


@pytest.mark.browser
def test_clicker_keys_move_between_slides(hall, live_server):
    hall.goto(f"{live_server}/bai-hoc/mat-khau/trinh-chieu")
    seen = [visible_slide(hall)]

    for key in ["ArrowRight", "PageDown", "PageUp", "Space", "ArrowLeft", "ArrowLeft"]:
        hall.keyboard.press(key)
        seen.append(visible_slide(hall))

    assert seen == ["bat-dau", "buoc-1", "buoc-2", "buoc-1", "buoc-2", "buoc-1", "bat-dau"]
    assert hall.locator(".slide:not([hidden])").count() == 1
    assert hall.locator(".controls .counter").inner_text() == "1 / 4"


@pytest.mark.browser
def test_b_blanks_the_screen_and_b_again_brings_it_back(hall, live_server):
    hall.goto(f"{live_server}/bai-hoc/mat-khau/trinh-chieu#buoc-1")
    blank = hall.locator(".blank")

    hall.keyboard.press("b")
    blanked = blank.is_visible()
    hall.keyboard.press("b")

    assert blanked
    assert not blank.is_visible()
    assert visible_slide(hall) == "buoc-1"


@pytest.mark.browser
def test_slide_text_is_readable_from_the_back_of_the_hall(hall, live_server):
    hall.goto(f"{live_server}/bai-hoc/mat-khau/trinh-chieu#buoc-1")

    sizes = hall.evaluate(
        """() => {
        const slide = document.querySelector('.slide:not([hidden])');
        const px = el => parseFloat(getComputedStyle(el).fontSize);
        const picture = slide.querySelector('img').getBoundingClientRect();
        return {title: px(slide.querySelector('h2')),
                body: px(slide.querySelector('.slide-text p')),
                picture: picture.width * picture.height,
                bottom: slide.scrollHeight <= slide.clientHeight};
    }"""
    )

    assert sizes["title"] >= 40
    assert sizes["body"] >= 32
    assert sizes["picture"] >= 0.15 * 1280 * 720  # the picture is large
    assert sizes["bottom"]  # nothing cut off at the bottom


@pytest.mark.browser
def test_the_presenter_window_follows_the_projector(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    slides, notes = context.new_page(), context.new_page()
    slides.goto(f"{live_server}/bai-hoc/mat-khau/trinh-chieu")
    notes.goto(f"{live_server}/bai-hoc/mat-khau/trinh-chieu/nguoi-day")

    slides.keyboard.press("ArrowRight")
    notes.wait_for_selector(".note[data-index='1']:not([hidden])")
    notes.get_by_role("button", name="Bước sau").click()
    slides.wait_for_selector("#buoc-2:not([hidden])")
    notes.get_by_role("button", name="Tắt màn chiếu (B)").click()
    slides.wait_for_selector(".blank:not([hidden])")

    assert notes.locator(".note:not([hidden]) .next-up").inner_text() == "Tiếp theo: Hết bài"
    context.close()


@pytest.fixture
def voiced(make_app, content, tmp_path):
    """The app with every step read aloud by the offline voice, over real HTTP."""
    out = tmp_path / "built"
    build(content, out, [audio_stage({"CONTENT_DIR": str(content), "SPEECH_ENGINES": "espeak"})])
    with serving(make_app(content, BUILD_DIR=str(out))) as url:
        yield url


@pytest.mark.browser
def test_a_step_is_read_aloud_through_the_halls_speakers_on_demand(hall, voiced):
    hall.goto(f"{voiced}/bai-hoc/mat-khau/trinh-chieu#buoc-1")
    button = hall.get_by_role("button", name="Nghe bước 1 (A)")
    assert button.get_attribute("aria-pressed") == "false"  # nothing plays by itself

    hall.keyboard.press("a")

    hall.wait_for_selector("#buoc-1 .play[aria-pressed='true']")
    hall.keyboard.press("ArrowRight")  # moving on stops the voice
    hall.wait_for_selector("#buoc-1 .play[aria-pressed='false']", state="attached")


def test_without_built_audio_projector_mode_has_no_play_button(client):
    html = client.get("/bai-hoc/mat-khau/trinh-chieu").get_data(as_text=True)

    assert "data-audio" not in html


@pytest.fixture
def shipped(make_app):
    """The shipped curriculum over real HTTP."""
    app = make_app(Path(__file__).resolve().parents[3])
    with serving(app) as url:
        yield url, app.extensions["catalog"]


@pytest.mark.browser
def test_every_shipped_slide_fits_the_projector_screen(hall, shipped):
    base, catalog = shipped
    cut_off = {}

    for slug, language in sorted(catalog.lessons):
        if language == "vi":
            hall.goto(f"{base}/bai-hoc/{slug}/trinh-chieu")
            cut_off[slug] = hall.evaluate(
                """() => [...document.querySelectorAll('.slide')].flatMap(slide => {
                    slide.hidden = false;
                    const edge = slide.getBoundingClientRect().bottom;
                    const parts = [...slide.querySelectorAll('*')];
                    const over = parts.some(part => part.getBoundingClientRect().bottom > edge + 1);
                    slide.hidden = true;
                    return over ? [slide.id] : [];
                })"""
            )

    assert len(cut_off) >= 9
    assert {slug: slides for slug, slides in cut_off.items() if slides} == {}


def test_high_contrast_reaches_the_projector_for_a_washed_out_screen(client):
    client.get("/hien-thi?mau=cao")

    html = client.get("/bai-hoc/mat-khau/trinh-chieu").get_data(as_text=True)

    assert '<html lang="vi" class="projector chu-0 tuong-phan">' in html
    assert ">Màu thường</a>" in html


@pytest.mark.browser
@pytest.mark.parametrize(
    "path",
    [
        "/bai-hoc/mat-khau/trinh-chieu",
        "/bai-hoc/mat-khau/trinh-chieu/nguoi-day",
        "/chu-de/an-toan/do-vui-ca-lop/5",
        "/bai-hoc/mat-khau/in",
    ],
)
def test_teaching_pages_ask_nothing_of_the_internet(hall, live_server, path):
    asked = []
    hall.on("request", lambda request: asked.append(request.url))

    hall.goto(live_server + path)
    hall.wait_for_load_state("networkidle")

    assert any("/static/" in url for url in asked)  # its own style and script came
    assert [url for url in asked if not url.startswith(("data:", live_server))] == []


def test_the_slide_position_starts_at_the_opening(client):
    assert client.get("/bai-hoc/mat-khau/trinh-chieu/vi-tri").get_json() == {
        "at": 0,
        "blank": False,
        "seq": 0,
    }


def csrf(client, path: str = "/bai-hoc/mat-khau/trinh-chieu/nguoi-day") -> dict:
    html = client.get(path).get_data(as_text=True)
    return {"X-CSRFToken": re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)}


def test_a_presenter_moves_the_slide_for_every_screen(client):
    moved = client.post(
        "/bai-hoc/mat-khau/trinh-chieu/vi-tri", json={"at": 2, "blank": True}, headers=csrf(client)
    )

    assert moved.status_code == 200
    assert client.get("/bai-hoc/mat-khau/trinh-chieu/vi-tri").get_json() == {
        "at": 2,
        "blank": True,
        "seq": 1,
    }


@pytest.mark.parametrize(
    "sent", [{"at": 4, "blank": False}, {"at": -1, "blank": False}, {"at": "1"}, {"at": True}, {}]
)
def test_a_slide_that_does_not_exist_is_refused(client, sent):
    response = client.post("/bai-hoc/mat-khau/trinh-chieu/vi-tri", json=sent, headers=csrf(client))

    assert response.status_code == 400
    assert client.get("/bai-hoc/mat-khau/trinh-chieu/vi-tri").get_json()["seq"] == 0


def test_moving_a_slide_needs_the_pages_anti_forgery_token(client):
    response = client.post("/bai-hoc/mat-khau/trinh-chieu/vi-tri", json={"at": 1, "blank": False})

    assert response.status_code == 400
    assert client.get("/bai-hoc/mat-khau/trinh-chieu/vi-tri").get_json()["at"] == 0


@pytest.mark.browser
def test_a_presenters_phone_moves_the_projector_and_follows_it(browser, hall, live_server):
    hall.goto(f"{live_server}/bai-hoc/mat-khau/trinh-chieu")
    phone = browser.new_context(viewport={"width": 360, "height": 640}).new_page()  # its own device
    phone.goto(f"{live_server}/bai-hoc/mat-khau/trinh-chieu/nguoi-day")

    phone.get_by_role("button", name="Bước sau").click()
    hall.wait_for_selector("#buoc-1:not([hidden])")
    hall.keyboard.press("PageDown")  # the instructor's clicker, on the laptop
    phone.wait_for_selector(".note[data-index='2']:not([hidden])")
    phone.get_by_role("button", name="Tắt màn chiếu (B)").click()
    hall.wait_for_selector(".blank:not([hidden])")

    assert visible_slide(hall) == "buoc-2"
    phone.context.close()
