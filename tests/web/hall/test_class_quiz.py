"""Class quiz: the hall answers by a show of hands; the instructor shows the answer."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.serving import serving
from tests.web.hall.projector_fit import FITS


def test_the_class_quiz_starts_with_how_many_questions_and_no_accounts(client):
    html = client.get("/chu-de/an-toan/do-vui-ca-lop").get_data(as_text=True)

    assert "5 câu hỏi" in html
    assert "không ghi tên" in html
    assert 'href="/chu-de/an-toan/do-vui-ca-lop/1"' in html


def test_questions_come_in_the_order_of_the_bank(client):
    first = client.get("/chu-de/an-toan/do-vui-ca-lop/1").get_data(as_text=True)
    third = client.get("/chu-de/an-toan/do-vui-ca-lop/3").get_data(as_text=True)

    assert "Có người gọi tự xưng công an, hỏi mã OTP" in first
    assert "Công an hay gọi điện bắt chuyển tiền." in third


def test_the_answer_is_not_in_the_page_until_the_instructor_shows_it(client):
    hidden = client.get("/chu-de/an-toan/do-vui-ca-lop/1").get_data(as_text=True)
    shown = client.get("/chu-de/an-toan/do-vui-ca-lop/1?dap-an=1").get_data(as_text=True)

    explanation = "Không ai được hỏi mã OTP, kể cả công an."
    assert explanation not in hidden
    assert "</svg> Đúng" not in hidden
    assert explanation in shown
    assert shown.count("</svg> Đúng") == 1


def test_an_order_question_shows_the_right_sequence_of_letters(client):
    html = client.get("/chu-de/an-toan/do-vui-ca-lop/4?dap-an=1").get_data(as_text=True)

    assert "Thứ tự đúng:" in html
    assert "Khóa tài khoản trước để giữ tiền." in html


def test_a_picture_question_shows_its_pictures_with_alt_text(client):
    html = client.get("/chu-de/an-toan/do-vui-ca-lop/5").get_data(as_text=True)

    assert 'alt="Bàn tay che màn hình"' in html


@pytest.mark.parametrize(
    "path", ["/chu-de/nong-nghiep/do-vui-ca-lop", "/chu-de/an-toan/do-vui-ca-lop/6"]
)
def test_a_topic_without_a_bank_or_a_question_past_the_end_is_not_found(client, path):
    assert client.get(path).status_code == 404


@pytest.mark.browser
def test_the_instructor_reveals_the_answer_and_moves_on_with_the_keyboard(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    hall = context.new_page()
    hall.goto(f"{live_server}/chu-de/an-toan/do-vui-ca-lop/1")
    explanation = hall.get_by_text("Không ai được hỏi mã OTP, kể cả công an.")
    assert explanation.count() == 0

    hall.keyboard.press("d")
    hall.wait_for_url("**dap-an=1")
    revealed = explanation.is_visible()
    hall.keyboard.press("PageDown")
    hall.wait_for_url("**/do-vui-ca-lop/2")

    assert revealed
    assert hall.locator("h1").inner_text() == "Mật khẩu nào an toàn?"
    assert hall.get_by_text("Câu dài, dễ nhớ, khó đoán.").count() == 0  # not shown yet
    context.close()


def test_the_topic_page_links_to_the_class_quiz(client):
    html = client.get("/chu-de/an-toan").get_data(as_text=True)

    assert 'href="/chu-de/an-toan/do-vui-ca-lop"' in html


@pytest.fixture
def shipped_hall(make_app, browser):
    """The shipped curriculum over real HTTP, on a laptop's 1280 × 720 projector screen."""
    app = make_app(Path(__file__).resolve().parents[3])
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="vi-VN")
    with serving(app) as url:
        yield url, app.extensions["catalog"], context.new_page()
    context.close()


@pytest.mark.browser
def test_every_shipped_question_and_its_answer_fit_the_projector_screen(shipped_hall):
    base, catalog, hall = shipped_hall
    misfits = {}

    played = 0
    for topic in sorted(catalog.quizzes):
        address = f"/chu-de/{topic}/do-vui-ca-lop/1"
        while address:  # every question the class quiz plays, by its own "Câu sau" link
            hall.goto(f"{base}{address}?dap-an=1")
            expect(hall.locator(".answer")).to_be_visible()
            fit = hall.evaluate(FITS)
            if fit["below"] or fit["scrolls"] or fit["size"] < 20:
                misfits[address] = fit
            played += 1
            following = hall.locator("a[rel=next]")
            address = following.get_attribute("href") if following.count() else None

    assert played >= 5 * 4
    assert misfits == {}
