"""Nothing anyone on the hall's open Wi-Fi does fills a shared space, guesses a code in a
class's time, or floods a count: each limit, pushed well past, from one address."""

from __future__ import annotations

import re
import threading
import time

import sqlalchemy as sa

from tests.forms import post_form, token_from
from tests.web.hall.test_live_quiz import start_live, step
from tests.web.hall.test_projector import open_projector
from trainer.models import ClassQuiz, LoginFailure, Presentation
from trainer.services.common import clock
from trainer.services.hall import hall_codes
from trainer.services.listening.plays import count_play

PROJECTOR = "/bai-hoc/mat-khau/trinh-chieu"


def code_of(html: str) -> str:
    return "".join(re.search(r'class="code">(\d{3}) (\d{3})<', html).groups())


def test_300_anonymous_projector_opens_from_one_address_keep_at_most_20_sessions(app, session):
    visitor = app.test_client(use_cookies=False)

    pages = [visitor.get(PROJECTOR) for _ in range(300)]

    assert session.scalar(sa.select(sa.func.count()).select_from(Presentation)) <= 20
    assert pages[-1].status_code == 200  # the slides still show, without a phone's code
    assert "Máy này đã mở 20 phiên trình chiếu" in pages[-1].get_data(as_text=True)


def test_a_full_code_space_answers_at_once_and_other_writes_go_through(
    app, client, session, monkeypatch
):
    monkeypatch.setattr(hall_codes, "SPACE", 100)
    now = clock.now()
    session.add_all(
        Presentation(code=f"{n:06d}", lesson_slug="mat-khau", slides=4, opened_from=f"10.0.{n}.1",
                     started_at=now, touched_at=now)
        for n in range(100)
    )  # fmt: skip
    session.add_all(
        ClassQuiz(code=f"{n:06d}", topic="an-toan", items=[], opened_from=f"10.0.{n}.1",
                  started_at=now, touched_at=now)
        for n in range(100)
    )  # fmt: skip
    session.commit()
    written = []

    started = time.monotonic()
    page = client.get(PROJECTOR)
    quiz = post_form(client, "/chu-de/an-toan/do-vui-ca-lop/dien-thoai", {},
                     page="/chu-de/an-toan/do-vui-ca-lop")  # fmt: skip
    other = threading.Thread(
        target=lambda: written.append(count_play(session, "mat-khau", "vi", 1, clock.now()))
    )
    other.start()
    other.join(timeout=5)
    seconds = time.monotonic() - started

    assert seconds < 5
    assert "Đang có quá nhiều phiên trình chiếu" in page.get_data(as_text=True)
    assert quiz.status_code == 503
    assert "Đang có quá nhiều đố vui cùng lúc" in quiz.get_data(as_text=True)
    assert written == [1]  # the write lock was let go


def test_300_wrong_presenter_codes_from_one_address_are_held_back_after_at_most_30(app, session):
    guesser = app.test_client()
    token = token_from(guesser.get("/trinh-chieu").get_data(as_text=True))

    answers = [
        guesser.post("/trinh-chieu", data={"ma": f"{n:06d}", "csrf_token": token}).status_code
        for n in range(300)
    ]

    assert answers.count(404) <= 30
    assert answers[-1] == 429
    assert session.scalar(sa.select(sa.func.count()).select_from(LoginFailure)) <= 30
    last = guesser.post("/trinh-chieu", data={"ma": "123456", "csrf_token": token})
    assert "Bạn đã nhập sai mã nhiều lần. Hãy đợi" in last.get_data(as_text=True)


def test_wrong_quiz_codes_are_held_back_too(app):
    guesser = app.test_client()
    token = token_from(guesser.get("/vui").get_data(as_text=True))

    answers = [
        guesser.post("/vui", data={"ma": f"{n:06d}", "csrf_token": token}).status_code
        for n in range(40)
    ]

    assert answers.count(404) <= 30 and answers[-1] == 429


def join_by(phone, code: str):
    token = token_from(phone.get("/trinh-chieu").get_data(as_text=True))
    return phone.post("/trinh-chieu", data={"ma": code, "csrf_token": token})


def page_token(client, path: str = PROJECTOR) -> dict:
    page = client.get(path).get_data(as_text=True)
    return {"X-CSRFToken": re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)}


def test_a_presenter_code_opens_once_and_the_laptop_shows_a_new_one(app, client):
    code, position = open_projector(client)
    first, second = app.test_client(), app.test_client()

    joined = join_by(first, code)
    again = join_by(second, code)
    renewed = client.post(position.replace("/vi-tri", "/ma-moi"), headers=page_token(client))
    third = join_by(second, renewed.get_json()["code"])

    assert joined.status_code == 303
    assert again.status_code == 404  # used up: a code read off the wall later opens nothing
    assert renewed.get_json()["code"] != code and renewed.get_json()["joinable"]
    assert third.status_code == 303
    assert client.get(position).get_json()["presenters"] == 2


def test_a_stranger_cannot_ask_a_new_code_for_someone_elses_projector(app, client):
    _, position = open_projector(client)
    stranger = app.test_client()

    asked = stranger.post(position.replace("/vi-tri", "/ma-moi"), headers=page_token(stranger))

    assert asked.status_code == 403


def test_200_fake_phones_from_one_address_count_at_most_60_answers(app, client):
    screen, code = start_live(client)
    step(client, screen, "next")

    for _ in range(200):
        phone = app.test_client()
        page = phone.get(f"/vui/{code}").get_data(as_text=True)
        if 'name="chon"' in page:
            phone.post(f"/vui/{code}", data={"csrf_token": token_from(page), "chon": "0"})

    count = client.get(f"{screen}/dem").get_json()
    assert count["answered"] <= 60
    assert count["joined"] <= 60


def test_the_61st_phone_from_one_address_is_told_why_it_cannot_join(app, client):
    _, code = start_live(client)
    for _ in range(60):
        app.test_client().get(f"/vui/{code}")

    late = app.test_client().get(f"/vui/{code}")

    assert late.status_code == 429
    assert "Đã có 60 điện thoại vào từ cùng một địa chỉ mạng" in late.get_data(as_text=True)


def test_300_quizzes_started_from_one_address_keep_at_most_20(app, session):
    laptop = app.test_client()
    page = "/chu-de/an-toan/do-vui-ca-lop"
    token = token_from(laptop.get(page).get_data(as_text=True))

    answers = [laptop.post(f"{page}/dien-thoai", data={"csrf_token": token}).status_code
               for _ in range(300)]  # fmt: skip

    assert session.scalar(sa.select(sa.func.count()).select_from(ClassQuiz)) <= 20
    assert answers[-1] == 429


def test_the_lobby_counts_the_phones_that_joined(app, client):
    screen, code = start_live(client)

    for _ in range(3):
        app.test_client().get(f"/vui/{code}")

    assert client.get(f"{screen}/dem").get_json()["joined"] == 3
    assert re.search(
        r"<strong data-joined>3</strong> điện thoại đã vào",
        client.get(screen).get_data(as_text=True),
    )


def test_ten_posters_for_ten_made_up_host_headers_are_refused_at_once(client):
    started = time.monotonic()

    answers = [
        client.get("/bai-hoc/mat-khau/ap-phich.png", headers={"Host": f"may-{n}.example"})
        for n in range(10)
    ]

    assert time.monotonic() - started < 2
    assert [answer.status_code for answer in answers] == [400] * 10


def test_with_a_public_address_ten_host_headers_make_one_poster_kept_on_disk(
    make_app, content, tmp_path
):
    app = make_app(content, PUBLIC_BASE_URL="http://192.168.1.5:5000")
    client = app.test_client()

    answers = [
        client.get("/bai-hoc/mat-khau/ap-phich.png", headers={"Host": f"may-{n}.example"})
        for n in range(10)
    ]

    assert {answer.status_code for answer in answers} == {200}
    assert len({answer.get_data() for answer in answers}) == 1
    assert len(list((tmp_path / "instance" / "posters").glob("*.png"))) == 1
