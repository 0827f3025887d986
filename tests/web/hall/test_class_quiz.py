"""Class quiz: the hall answers practice items by a show of hands; the instructor shows the answer.

Only the bank's practice items are played: the page is public, and a certification item
read here with its answer would let anyone pass.
"""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.serving import serving
from tests.web.hall.hall_quiz import letter_of, right_letters
from tests.web.hall.projector_fit import FITS
from trainer.content.quizzes import read_quiz


def test_the_class_quiz_starts_with_how_many_practice_questions_and_no_accounts(client):
    html = client.get("/chu-de/an-toan/do-vui-ca-lop").get_data(as_text=True)

    assert "4 câu hỏi" in html
    assert "không ghi tên" in html
    assert 'href="/chu-de/an-toan/do-vui-ca-lop/1"' in html


def test_practice_questions_come_in_the_order_written(client):
    first = client.get("/chu-de/an-toan/do-vui-ca-lop/1").get_data(as_text=True)
    second = client.get("/chu-de/an-toan/do-vui-ca-lop/2").get_data(as_text=True)

    assert "Mật khẩu nào khó đoán nhất?" in first
    assert "Công an có thể hỏi mã OTP qua điện thoại." in second


def test_no_certification_item_is_ever_played_in_the_hall(client, content):
    quiz, _ = read_quiz(content / "quizzes/an-toan.yaml", content / "quizzes/an-toan.yaml")

    pages = [
        client.get(f"/chu-de/an-toan/do-vui-ca-lop/{n}?dap-an=1").get_data(as_text=True)
        for n in range(1, 5)
    ]

    assert not [item.id for item in quiz.items if any(item.text in page for page in pages)]


def test_the_answer_is_not_in_the_page_until_the_instructor_shows_it(client):
    hidden = client.get("/chu-de/an-toan/do-vui-ca-lop/1").get_data(as_text=True)
    shown = client.get("/chu-de/an-toan/do-vui-ca-lop/1?dap-an=1").get_data(as_text=True)

    explanation = "Câu dài, tự nghĩ, có số và ký hiệu thì khó đoán."
    assert explanation not in hidden
    assert "</svg> Đúng" not in hidden
    assert explanation in shown
    assert shown.count("</svg> Đúng") == 1


def test_choices_keep_their_letters_when_the_answer_is_shown(client):
    hidden = client.get("/chu-de/an-toan/do-vui-ca-lop/1").get_data(as_text=True)
    shown = client.get("/chu-de/an-toan/do-vui-ca-lop/1?dap-an=1").get_data(as_text=True)

    choices = ["123456", "Ngày sinh của bạn", "Một câu dài bạn tự nghĩ, có số và ký hiệu"]
    assert [letter_of(hidden, c) for c in choices] == [letter_of(shown, c) for c in choices]
    assert right_letters(shown) == [letter_of(shown, choices[2])]


def test_an_order_question_shows_the_right_sequence_of_letters(client):
    html = client.get("/chu-de/an-toan/do-vui-ca-lop/3?dap-an=1").get_data(as_text=True)

    order = [letter_of(html, step) for step in ("Tắt máy", "Gọi lại số quen", "Kể cho người nhà")]
    assert f"Thứ tự đúng: {' → '.join(order)}" in html
    assert order != ["A", "B", "C"]  # never shown already in order
    assert "Tắt máy trước, rồi mới hỏi lại người thật." in html


def test_a_picture_question_shows_its_pictures_with_alt_text(client):
    html = client.get("/chu-de/an-toan/do-vui-ca-lop/4").get_data(as_text=True)

    assert 'alt="Một ổ khóa"' in html and 'alt="Bàn tay đang vẫy"' in html


@pytest.mark.parametrize(
    "path", ["/chu-de/nong-nghiep/do-vui-ca-lop", "/chu-de/an-toan/do-vui-ca-lop/5"]
)
def test_a_topic_without_a_bank_or_a_question_past_the_end_is_not_found(client, path):
    assert client.get(path).status_code == 404


def test_a_bank_without_practice_items_has_no_class_quiz(make_app, content):
    bank = content / "quizzes/an-toan.yaml"
    text = bank.read_text(encoding="utf-8")
    bank.write_text(text[: text.index("practice:")], encoding="utf-8")
    client = make_app(content).test_client()

    assert client.get("/chu-de/an-toan/do-vui-ca-lop").status_code == 404
    assert "do-vui-ca-lop" not in client.get("/chu-de/an-toan").get_data(as_text=True)


@pytest.mark.browser
def test_the_instructor_reveals_the_answer_and_moves_on_with_the_keyboard(browser, live_server):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    hall = context.new_page()
    hall.goto(f"{live_server}/chu-de/an-toan/do-vui-ca-lop/1")
    explanation = hall.get_by_text("Câu dài, tự nghĩ, có số và ký hiệu thì khó đoán.")
    expect(explanation).to_have_count(0)

    hall.keyboard.press("d")
    expect(explanation).to_be_visible()
    hall.keyboard.press("PageDown")

    expect(hall).to_have_url(f"{live_server}/chu-de/an-toan/do-vui-ca-lop/2")
    expect(hall.locator("h1")).to_have_text("Công an có thể hỏi mã OTP qua điện thoại.")
    expect(hall.get_by_text("Công an không bao giờ hỏi mã OTP.")).to_have_count(0)
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
