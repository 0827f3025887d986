from __future__ import annotations

import sqlalchemy as sa

from tests.factories import make_team, make_user
from tests.forms import post_form
from trainer.models import LessonProgress


def rows(session) -> list[LessonProgress]:
    return list(session.scalars(sa.select(LessonProgress).order_by(LessonProgress.lesson_slug)))


def test_reading_never_needs_an_account_and_records_nothing_for_a_visitor(client, session):
    response = client.get("/bai-hoc/mat-khau")

    assert response.status_code == 200
    assert "Đăng nhập</a> để lưu bài bạn đã học" in response.get_data(as_text=True)
    assert rows(session) == []


def test_opening_a_lesson_is_recorded_for_a_signed_in_member(client, session, login):
    make_user(session, username="lan", team=make_team(session))
    login("lan")

    client.get("/bai-hoc/mat-khau?lang=hmn")

    [row] = rows(session)
    assert (row.lesson_slug, row.language, row.steps_reached, row.finished) == (
        "mat-khau",
        "hmn",
        0,
        False,
    )


def test_the_beacon_keeps_the_furthest_step_reached(client, session, login):
    make_user(session, username="lan")
    login("lan")
    token = login.token("/bai-hoc/mat-khau")

    for step in (2, 1):
        response = client.post(
            "/tien-do/mat-khau/buoc", data={"step": step, "lang": "vi", "csrf_token": token}
        )
        assert response.status_code == 204

    assert rows(session)[0].steps_reached == 2


def test_the_beacon_refuses_a_step_the_lesson_does_not_have(client, session, login):
    make_user(session, username="lan")
    login("lan")
    token = login.token("/bai-hoc/mat-khau")

    response = client.post("/tien-do/mat-khau/buoc", data={"step": 99, "csrf_token": token})

    assert response.status_code == 400


def test_the_beacon_needs_the_pages_token(client, session, login):
    make_user(session, username="lan")
    login("lan")

    response = client.post("/tien-do/mat-khau/buoc", data={"step": 1})

    assert response.status_code == 400
    assert all(row.steps_reached == 0 for row in rows(session))


def test_finishing_a_lesson_shows_it_done_on_the_topic_page(client, session, login):
    make_user(session, username="lan")
    login("lan")

    response = post_form(client, "/tien-do/mat-khau/xong", {"lang": "vi"}, page="/bai-hoc/mat-khau")

    topic = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Đã lưu: bạn đã học xong bài" in topic
    assert topic.count("✔ Đã học xong") == 1
    assert rows(session)[0].finished


def test_the_topic_page_shows_the_step_a_member_has_reached(client, session, login):
    make_user(session, username="lan")
    login("lan")
    token = login.token("/bai-hoc/lua-dao")
    client.post("/tien-do/lua-dao/buoc", data={"step": 1, "csrf_token": token})

    topic = client.get("/chu-de/an-toan").get_data(as_text=True)

    assert "Đang học: bước 1/" in topic


def test_a_finished_lesson_says_so_instead_of_offering_the_button_again(client, session, login):
    make_user(session, username="lan")
    login("lan")
    post_form(client, "/tien-do/mat-khau/xong", {}, page="/bai-hoc/mat-khau")

    page = client.get("/bai-hoc/mat-khau").get_data(as_text=True)

    assert "Bạn đã học xong bài này ngày" in page
    assert "Tôi đã học xong bài này</button>" not in page


def test_one_members_progress_never_shows_on_anothers_pages(client, session, login):
    make_user(session, username="lan")
    make_user(session, username="minh")
    login("lan")
    post_form(client, "/tien-do/mat-khau/xong", {}, page="/bai-hoc/mat-khau")
    login.logout()
    login("minh")

    topic = client.get("/chu-de/an-toan").get_data(as_text=True)

    assert "Đã học xong" not in topic
