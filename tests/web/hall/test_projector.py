"""Projector mode: a whole lesson taught from a laptop, one step per slide."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

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

    assert not re.search(r'(src|href)="https?://', html)
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
    client.get("/bai-hoc/mat-khau/trinh-chieu")  # the laptop's own window: already joined
    html = client.get("/bai-hoc/mat-khau/trinh-chieu/nguoi-day").get_data(as_text=True)

    assert 'Tiếp theo: Bước 2 · <span lang="vi">Không đưa mật khẩu cho ai</span>' in html


@pytest.fixture
def hall(browser):
    """A laptop's screen on the projector: 1280 × 720."""
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="vi-VN")
    page = context.new_page()
    yield page
    context.close()


def shown(page):
    """The one slide the hall sees (expect() waits for the page's script to get there)."""
    return page.locator(".slide:not([hidden])")


@pytest.mark.browser
def test_clicker_keys_move_between_slides(hall, live_server):
    hall.goto(f"{live_server}/bai-hoc/mat-khau/trinh-chieu")
    expect(shown(hall)).to_have_id("bat-dau")

    for key, slide in [
        ("ArrowRight", "buoc-1"),
        ("PageDown", "buoc-2"),
        ("PageUp", "buoc-1"),
        ("Space", "buoc-2"),
        ("ArrowLeft", "buoc-1"),
        ("ArrowLeft", "bat-dau"),
    ]:
        hall.keyboard.press(key)
        expect(shown(hall)).to_have_id(slide)

    expect(shown(hall)).to_have_count(1)
    expect(hall.locator(".controls .counter")).to_have_text("Mở đầu")


@pytest.mark.browser
def test_the_counter_says_the_number_the_step_has(hall, live_server):
    hall.goto(f"{live_server}/bai-hoc/mat-khau/trinh-chieu")

    hall.keyboard.press("ArrowRight")

    expect(hall.locator("#buoc-1 .step-number")).to_have_text("Bước 1")
    expect(hall.locator(".controls .counter")).to_have_text("1 / 2")


@pytest.mark.browser
def test_b_blanks_the_screen_and_b_again_brings_it_back(hall, live_server):
    hall.goto(f"{live_server}/bai-hoc/mat-khau/trinh-chieu#buoc-1")
    expect(shown(hall)).to_have_id("buoc-1")
    blank = hall.locator(".blank")

    hall.keyboard.press("b")
    expect(blank).to_be_visible()
    hall.keyboard.press("b")

    expect(blank).to_be_hidden()
    expect(shown(hall)).to_have_id("buoc-1")


@pytest.mark.browser
def test_slide_text_is_readable_from_the_back_of_the_hall(hall, live_server):
    hall.goto(f"{live_server}/bai-hoc/mat-khau/trinh-chieu#buoc-1")
    expect(shown(hall)).to_have_id("buoc-1")

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

    expect(notes.locator(".note:not([hidden]) .next-up")).to_have_text("Tiếp theo: Hết bài")
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
    expect(button).to_have_attribute("aria-pressed", "false")  # nothing plays by itself

    assert button.locator("svg").count() == 1  # drawn, not a glyph the laptop may lack

    hall.keyboard.press("a")

    hall.wait_for_selector("#buoc-1 .play[aria-pressed='true']")
    hall.keyboard.press("ArrowRight")  # moving on stops the voice
    hall.wait_for_selector("#buoc-1 .play[aria-pressed='false']", state="attached")


@pytest.mark.parametrize(
    "path",
    ["/bai-hoc/mat-khau/trinh-chieu", "/chu-de/an-toan/do-vui-ca-lop/1?dap-an=1", "/trinh-chieu"],
)
def test_projector_pages_draw_their_icons_instead_of_using_emoji(client, path):
    html = client.get(path).get_data(as_text=True)

    assert re.findall(r"[\u2600-\u27bf\U0001f000-\U0001ffff]", html) == []


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


def open_projector(client) -> tuple[str, str]:
    """Open projector mode; its code and its slide-position address."""
    html = client.get("/bai-hoc/mat-khau/trinh-chieu").get_data(as_text=True)
    code = "".join(re.search(r'class="code">(\d{3}) (\d{3})<', html).groups())
    return code, re.search(r'name="slide-position" content="([^"]+)"', html).group(1)


def csrf(client, path: str = "/trinh-chieu") -> dict:
    html = client.get(path).get_data(as_text=True)
    return {"X-CSRFToken": re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)}


def test_projector_mode_shows_the_address_and_code_a_presenters_phone_joins_by(client):
    html = client.get("/bai-hoc/mat-khau/trinh-chieu").get_data(as_text=True)

    assert 'mở: <strong class="address">http://localhost/trinh-chieu</strong>' in html
    assert re.search(r'Mã trình chiếu: <strong class="code">\d{3} \d{3}</strong>', html)


def test_opening_the_projector_again_keeps_its_code_and_slide(client):
    code, position = open_projector(client)
    client.post(position, json={"at": 2, "blank": False}, headers=csrf(client))

    again, _ = open_projector(client)

    assert again == code
    assert client.get(position).get_json()["at"] == 2


def test_a_phone_joins_by_the_code_and_opens_on_the_slide_the_hall_sees(app, client):
    code, position = open_projector(client)
    client.post(position, json={"at": 2, "blank": False}, headers=csrf(client))
    phone = app.test_client()
    asked = phone.get("/bai-hoc/mat-khau/trinh-chieu/nguoi-day").get_data(as_text=True)

    joined = phone.post("/trinh-chieu", data={"ma": f"{code[:3]} {code[3:]}", **token(phone)})
    html = phone.get(joined.headers["Location"]).get_data(as_text=True)

    assert "Nhập mã 6 số" in asked and "Đang chiếu" not in asked
    assert joined.status_code == 303
    assert '<section class="note" data-index="2" aria-labelledby="ghi-chu-2" >' in html
    assert '<span class="counter" role="status">2 / 2</span>' in html


def token(client) -> dict:
    return {"csrf_token": csrf(client)["X-CSRFToken"]}


def test_a_wrong_code_is_explained_and_kept_to_correct(app):
    phone = app.test_client()

    response = phone.post("/trinh-chieu", data={"ma": "12345", **token(phone)})

    assert response.status_code == 404
    page = response.get_data(as_text=True)
    assert "Không thấy phiên trình chiếu có mã này" in page and 'value="12345"' in page


def test_a_browser_that_has_not_joined_can_neither_see_nor_move_the_slides(app, client):
    _, position = open_projector(client)
    stranger = app.test_client()

    moved = stranger.post(position, json={"at": 1, "blank": True}, headers=csrf(stranger))

    assert moved.status_code == 403
    assert stranger.get(position).status_code == 403
    assert client.get(position).get_json()["at"] == 0


def test_two_halls_projecting_the_same_lesson_never_move_each_other(app, client):
    other_hall = app.test_client()
    first_code, first = open_projector(client)
    second_code, second = open_projector(other_hall)

    client.post(first, json={"at": 3, "blank": True}, headers=csrf(client))

    assert first_code != second_code
    assert other_hall.get(second).get_json() == {
        "at": 0,
        "blank": False,
        "seq": 0,
        "presenters": 0,
        "joinable": True,
    }


@pytest.mark.parametrize(
    "sent",
    [{"at": 4, "blank": False}, {"at": -1, "blank": False}, {"at": "1"}, {"at": True}, {}, [1]],
)
def test_a_slide_that_does_not_exist_is_refused(client, sent):
    _, position = open_projector(client)

    response = client.post(position, json=sent, headers=csrf(client))

    assert response.status_code == 400
    assert client.get(position).get_json()["seq"] == 0


def test_moving_a_slide_needs_the_pages_anti_forgery_token(client):
    _, position = open_projector(client)

    response = client.post(position, json={"at": 1, "blank": False})

    assert response.status_code == 400
    assert client.get(position).get_json()["at"] == 0


@pytest.mark.browser
def test_a_presenters_phone_joins_where_the_class_is_and_moves_the_projector(
    browser, hall, live_server
):
    hall.goto(f"{live_server}/bai-hoc/mat-khau/trinh-chieu")
    code = hall.locator(".join-code .code").inner_text()
    for _ in range(3):
        hall.keyboard.press("ArrowRight")
    expect(hall.locator(".controls .counter")).to_have_text("Hết bài")
    phone = browser.new_context(viewport={"width": 360, "height": 640}).new_page()  # its own device

    phone.goto(f"{live_server}/trinh-chieu")
    phone.get_by_label("Mã trình chiếu").fill(code)
    phone.get_by_role("button", name="Vào điều khiển").click()

    expect(phone.locator(".note[data-index='3']")).to_be_visible()  # where the hall is, at once
    expect(hall.locator(".join-code")).to_be_hidden()  # a presenter joined: the code goes
    phone.get_by_role("button", name="Bước trước").click()
    expect(hall.locator("#buoc-2")).to_be_visible()
    hall.keyboard.press("PageUp")  # the instructor's clicker, on the laptop
    expect(phone.locator(".note[data-index='1']")).to_be_visible()
    phone.context.close()


@pytest.mark.browser
def test_blanking_from_the_phone_blanks_the_projector_and_the_phone_can_turn_it_back_on(
    browser, hall, live_server
):
    hall.goto(f"{live_server}/bai-hoc/mat-khau/trinh-chieu")
    code = hall.locator(".join-code .code").inner_text()
    phone = browser.new_context(viewport={"width": 360, "height": 640}).new_page()
    phone.goto(f"{live_server}/trinh-chieu?ma={code.replace(' ', '')}")
    phone.get_by_role("button", name="Vào điều khiển").click()

    phone.get_by_role("button", name="Tắt màn chiếu (B)").click()

    expect(hall.locator(".blank")).to_be_visible()
    notice = phone.get_by_role("button", name="Màn chiếu đang tắt — bấm để bật lại")
    expect(notice).to_be_visible()
    expect(phone.get_by_role("button", name="Bước sau")).to_be_visible()  # nothing covers it
    notice.click()
    expect(hall.locator(".blank")).to_be_hidden()
    expect(notice).to_be_hidden()
    phone.context.close()
