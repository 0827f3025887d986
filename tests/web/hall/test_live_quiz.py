"""The class quiz answered on phones: join by code, one answer each, a live count per choice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from tests.factories import make_user
from tests.forms import Login, post_form, token_from
from tests.serving import serving
from tests.web.hall.projector_fit import FITS
from tests.web.reading.test_accessibility import serious_problems
from trainer.models import ClassAnswer


def start_live(client, topic: str = "an-toan") -> tuple[str, str]:
    """Press "Trả lời bằng điện thoại"; the projector's address and the code it shows."""
    started = post_form(client, f"/chu-de/{topic}/do-vui-ca-lop/dien-thoai", {},
                        page=f"/chu-de/{topic}/do-vui-ca-lop")  # fmt: skip
    assert started.status_code == 303, started.get_data(as_text=True)
    screen = started.headers["Location"]
    html = client.get(screen).get_data(as_text=True)
    return screen, "".join(re.search(r'class="code">(\d{3}) (\d{3})<', html).groups())


def step(client, screen: str, action: str):
    return post_form(client, screen, {"buoc": action})


def answer(phone, code: str, **fields):
    page = phone.get(f"/vui/{code}").get_data(as_text=True)
    response = phone.post(f"/vui/{code}", data={"csrf_token": token_from(page), **fields})
    return phone.get(response.headers["Location"]).get_data(as_text=True)


def test_the_projector_shows_where_phones_join_with_the_code_and_a_qr(client):
    screen, code = start_live(client)
    html = client.get(screen).get_data(as_text=True)

    assert "http://localhost/vui" in html
    assert re.fullmatch(r"\d{6}", code)
    assert '<img class="qr" src="data:image/svg+xml' in html
    assert "4 câu" in html  # the practice items, not the bank's certification items


def test_a_phone_joins_with_the_code_and_no_account(app, client):
    _, code = start_live(client)
    phone = app.test_client()

    joined = post_form(phone, "/vui", {"ma": f"{code[:3]} {code[3:]}"})
    page = phone.get(joined.headers["Location"]).get_data(as_text=True)

    assert joined.status_code == 303
    assert "Chờ người dạy bắt đầu câu 1" in page


def test_a_code_no_quiz_has_is_explained(app):
    response = post_form(app.test_client(), "/vui", {"ma": "000000"})

    assert response.status_code == 404
    assert "Không thấy đố vui có mã này" in response.get_data(as_text=True)


def test_every_answer_is_counted_on_the_choice_it_gave(app, client):
    screen, code = start_live(client)
    step(client, screen, "next")
    phones = [app.test_client() for _ in range(3)]

    for phone, position in zip(phones, ["0", "2", "2"], strict=True):
        assert "Đã gửi câu trả lời" in answer(phone, code, chon=position)

    count = client.get(f"{screen}/dem").get_json()
    assert count["answered"] == 3
    assert count["per_choice"] == [1, 0, 2]


def test_a_phone_answers_each_question_once(app, client):
    screen, code = start_live(client)
    step(client, screen, "next")
    phone = app.test_client()
    answer(phone, code, chon="0")

    page = phone.get(f"/vui/{code}").get_data(as_text=True)

    assert "Bạn đã chọn: <strong>A</strong>" in page and 'name="chon"' not in page
    assert client.get(f"{screen}/dem").get_json()["answered"] == 1


def position_of(page: str, text: str) -> str:
    """The value of the phone's choice showing text (the hall's order is shuffled)."""
    found = re.search(r'name="chon" value="(\d+)">\s*<span class="letter">\w</span>\s*<span>'
                      + re.escape(text) + "<", page)  # fmt: skip
    assert found, f"no choice {text!r} on the phone"
    return found.group(1)


def test_once_the_answer_is_shown_phones_see_whether_they_were_right_and_cannot_answer(app, client):
    screen, code = start_live(client)
    step(client, screen, "next")
    right, wrong, late = app.test_client(), app.test_client(), app.test_client()
    page = late.get(f"/vui/{code}").get_data(as_text=True)
    answer(right, code, chon=position_of(page, "Một câu dài bạn tự nghĩ, có số và ký hiệu"))
    answer(wrong, code, chon=position_of(page, "123456"))

    step(client, screen, "reveal")
    shown_right = right.get(f"/vui/{code}").get_data(as_text=True)
    shown_wrong = wrong.get(f"/vui/{code}").get_data(as_text=True)
    refused = late.post(f"/vui/{code}", data={"csrf_token": token_from(page), "chon": "1"})

    assert "Câu dài, tự nghĩ, có số và ký hiệu thì khó đoán." in shown_right
    assert "Bạn trả lời đúng." in shown_right and "Bạn chưa đúng." not in shown_right
    assert "Bạn chưa đúng." in shown_wrong and "Bạn trả lời đúng." not in shown_wrong
    assert "Câu này đã đóng" in late.get(refused.headers["Location"]).get_data(as_text=True)
    assert client.get(f"{screen}/dem").get_json()["answered"] == 2


def test_the_answer_is_not_in_the_projectors_page_until_it_is_shown(client):
    screen, _ = start_live(client)
    step(client, screen, "next")

    hidden = client.get(screen).get_data(as_text=True)
    step(client, screen, "reveal")
    shown = client.get(screen).get_data(as_text=True)

    explanation = "Câu dài, tự nghĩ, có số và ký hiệu thì khó đoán."
    assert explanation not in hidden and "</svg> Đúng" not in hidden
    assert explanation in shown and shown.count("</svg> Đúng") == 1


def test_only_the_laptop_that_started_it_moves_it_on_or_sees_the_count(app, client):
    screen, code = start_live(client)
    stranger = app.test_client()
    token = token_from(stranger.get("/vui").get_data(as_text=True))

    moved = stranger.post(screen, data={"csrf_token": token, "buoc": "next"})

    assert moved.status_code == 403
    assert stranger.get(f"{screen}/dem").status_code == 403
    assert client.get(f"{screen}/dem").get_json()["number"] == 0


def test_a_live_quiz_asks_only_practice_items_never_certification_ones(app, client):
    screen, _ = start_live(client)
    quiz = app.extensions["catalog"].quizzes["an-toan"]
    asked = []
    for _ in quiz.practice:
        step(client, screen, "next")
        html = client.get(screen).get_data(as_text=True)
        asked.append(re.search(r"<h1>([^<]+)</h1>", html).group(1))

    assert asked == [item.text for item in quiz.practice]
    assert not {item.text for item in quiz.items} & set(asked)


def test_a_signed_in_members_answers_are_kept_for_their_own_page(app, client, session):
    screen, code = start_live(client)
    step(client, screen, "next")
    member = app.test_client()
    Login(member)(make_user(session, "Lò Thị Lan", "lan"))

    answer(member, code, chon="0")
    page = member.get("/cua-toi/do-vui").get_data(as_text=True)

    assert session.scalar(sa.select(sa.func.count()).select_from(ClassAnswer)) == 1
    assert "Mật khẩu nào khó đoán nhất?" in page
    assert "Câu dài, tự nghĩ, có số và ký hiệu thì khó đoán." in page


def test_show_of_hands_stays_beside_phones(client):
    html = client.get("/chu-de/an-toan/do-vui-ca-lop").get_data(as_text=True)

    assert 'href="/chu-de/an-toan/do-vui-ca-lop/1"' in html
    assert "Trả lời bằng điện thoại" in html


@pytest.mark.browser
def test_the_hall_answers_on_phones_and_the_projector_counts_live(browser, live_server):
    laptop = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
    laptop.goto(f"{live_server}/chu-de/an-toan/do-vui-ca-lop")
    laptop.get_by_role("button", name="Trả lời bằng điện thoại").click()
    code = laptop.locator(".join-hall .code").inner_text().replace(" ", "")
    phones = [browser.new_context(viewport={"width": 360, "height": 640}).new_page()]
    phones.append(browser.new_context(viewport={"width": 360, "height": 640}).new_page())
    for phone in phones:
        phone.goto(f"{live_server}/vui?ma={code}")
        expect(phone.get_by_text("Chờ người dạy bắt đầu câu 1")).to_be_visible()

    laptop.keyboard.press("ArrowRight")
    for phone in phones:  # each phone shows the question by itself, then answers it
        phone.get_by_text("Một câu dài bạn tự nghĩ, có số và ký hiệu").click()
        phone.get_by_role("button", name="Gửi").click()
        expect(phone.get_by_text("Bạn đã chọn:")).to_be_visible()

    counts = laptop.locator(".live .count")
    expect(laptop.locator("[data-answered]")).to_have_text("2")  # live, without a reload
    laptop.keyboard.press("d")
    expect(laptop.locator(".answer")).to_contain_text("2 / 2 đúng")
    for phone in phones:
        expect(phone.get_by_text("Bạn trả lời đúng.")).to_be_visible()
    assert sorted(counts.all_inner_texts()) == ["0", "0", "2"]
    for page in [laptop, *phones]:
        page.context.close()


@pytest.mark.browser
def test_every_shipped_practice_question_and_its_answer_fit_the_projector_live(make_app, browser):
    app = make_app(Path(__file__).resolve().parents[3])
    laptop = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
    misfits, played = {}, 0
    with serving(app) as base:
        for topic, quiz in sorted(app.extensions["catalog"].quizzes.items()):
            laptop.goto(f"{base}/chu-de/{topic}/do-vui-ca-lop")
            laptop.get_by_role("button", name="Trả lời bằng điện thoại").click()
            for number in range(1, len(quiz.practice) + 1):
                laptop.get_by_role("button", name=re.compile("Bắt đầu|Câu sau")).click()
                laptop.get_by_role("button", name="Hiện đáp án (D)").click()
                expect(laptop.locator(".answer")).to_be_visible()
                fit = laptop.evaluate(FITS)
                if fit["below"] or fit["scrolls"] or fit["size"] < 20:
                    misfits[f"{topic}/{number}"] = fit
                played += 1
    laptop.context.close()

    assert played >= 5 * 4
    assert misfits == {}


@pytest.mark.browser
def test_axe_finds_no_serious_problem_on_the_projector_or_a_phone_in_a_live_quiz(
    browser, live_server
):
    laptop = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
    laptop.goto(f"{live_server}/chu-de/an-toan/do-vui-ca-lop")
    laptop.get_by_role("button", name="Trả lời bằng điện thoại").click()
    code = laptop.locator(".join-hall .code").inner_text().replace(" ", "")
    lobby = serious_problems(laptop)
    laptop.keyboard.press("ArrowRight")
    expect(laptop.locator(".live .count").first).to_be_visible()
    phone = browser.new_context(viewport={"width": 360, "height": 640}).new_page()
    phone.goto(f"{live_server}/vui?ma={code}")
    expect(phone.get_by_role("button", name="Gửi")).to_be_visible()

    assert lobby == []
    assert serious_problems(laptop) == []
    assert serious_problems(phone) == []
    laptop.context.close()
    phone.context.close()
