"""Joining a team: the instructor's join code, or their approval."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from tests.factories import make_team, make_user
from tests.forms import Login, post_form
from trainer.models import Team, User


@pytest.fixture
def team(session):
    return make_team(session)


@pytest.fixture
def instructor(app, session, team):
    laptop = app.test_client()
    Login(laptop)(make_user(session, "Cầm Văn Hòa", role="instructor", manages=[team]))
    return laptop


@pytest.fixture
def stranger(session, team):
    user = make_user(session, "Người Lạ", "nguoi.la", team=team)
    user.pending = True
    session.commit()
    return user


def test_the_teams_instructor_sees_its_join_code_and_renews_it(instructor, session, team):
    old = team.join_code
    assert old in instructor.get(f"/to/{team.id}").get_data(as_text=True)

    response = post_form(instructor, f"/to/{team.id}/ma-vao-to", {}, page=f"/to/{team.id}")

    new = session.scalar(sa.select(Team.join_code))
    page = instructor.get(response.headers["Location"]).get_data(as_text=True)
    assert new != old and f"Mã vào tổ mới: {new}" in page and old not in page


def test_a_pending_member_is_listed_apart_and_cannot_start_a_quiz(
    client, instructor, stranger, team, login
):
    page = instructor.get(f"/to/{team.id}").get_data(as_text=True)
    login(stranger)

    refused = post_form(client, "/kiem-tra/an-toan", {}, page="/cua-toi", follow_redirects=True)

    assert "Chờ duyệt (1)" in page and "Thành viên (0)" in page
    assert "chưa làm bài kiểm tra được" in refused.get_data(as_text=True)


def test_approving_lets_the_member_sit_the_quiz(client, instructor, stranger, team, login):
    address = f"/to/{team.id}/cho-duyet/{stranger.id}/duyet"
    post_form(instructor, address, {}, page=f"/to/{team.id}")
    login(stranger)

    started = post_form(client, "/kiem-tra/an-toan", {})

    assert started.headers["Location"].startswith("/bai-lam/")


def test_not_accepting_removes_the_registration(instructor, session, stranger, team):
    address = f"/to/{team.id}/cho-duyet/{stranger.id}/khong-nhan"

    response = post_form(instructor, address, {}, page=f"/to/{team.id}", follow_redirects=True)

    assert "Đã xóa đăng ký của Người Lạ." in response.get_data(as_text=True)
    assert session.scalar(sa.select(User.id).where(User.id == stranger.id)) is None


def test_another_teams_instructor_cannot_approve(app, session, stranger, team):
    other = make_team(session, "Tổ CNSCĐ-Xã Thanh Nưa", "Xã Thanh Nưa")
    laptop = app.test_client()
    Login(laptop)(make_user(session, "Lò Văn Khác", role="instructor", manages=[other]))
    token = Login(laptop).token(f"/to/{other.id}")

    response = laptop.post(
        f"/to/{team.id}/cho-duyet/{stranger.id}/duyet", data={"csrf_token": token}
    )

    assert response.status_code == 404 and session.get(User, stranger.id).pending


def test_the_list_of_teams_counts_members_and_those_waiting_apart(instructor, stranger, session):
    make_user(session, "Lò Văn Páo", team=stranger.team)

    page = instructor.get("/to/").get_data(as_text=True)

    assert "1 thành viên · 1 người chờ duyệt" in page
