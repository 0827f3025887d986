"""The instructor's grid, a member's attempts, missed items, and what each role may see."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from tests.factories import make_team, make_user
from tests.forms import post_form
from tests.services.certification_clock import Clock
from tests.web.certify import take_quiz
from trainer.models import Certificate


@pytest.fixture
def clock(monkeypatch):
    return Clock(monkeypatch)


@pytest.fixture
def teams(session, client, login, clock):
    """Two teams: in Mường Phăng, Lan passed and Páo failed; Hùng in Thanh Nưa did nothing."""
    phang = make_team(session)
    thanh = make_team(session, "Tổ CNSCĐ-Xã Thanh Nưa", "Xã Thanh Nưa")
    make_user(session, "Lò Thị Lan", "lan", team=phang)
    make_user(session, "Lò Văn Páo", "pao", team=phang)
    make_user(session, "Quàng Văn Hùng", "hung", team=thanh)
    make_user(session, "Giảng viên Mai", "mai", role="instructor", manages=[phang])
    for name, wrong in (("lan", 0), ("pao", 4)):
        login(name)
        take_quiz(client, session, wrong=wrong)
        login.logout()
    return phang, thanh


def test_the_grid_shows_each_member_against_each_topic(client, login, teams):
    phang, _ = teams
    login("mai")

    page = client.get(f"/giang-vien/to/{phang.id}").get_data(as_text=True)

    lan_row = page[page.index("Lò Thị Lan") :].split("</tr>")[0]
    pao_row = page[page.index("Lò Văn Páo") :].split("</tr>")[0]
    assert 'class="cell certified"' in lan_row and "đến 02/03/2027" in lan_row
    assert 'class="cell studying"' in pao_row and "1 lần chưa đạt" in pao_row
    assert 'class="cell not_started"' in lan_row  # the other topic
    assert "Quàng Văn Hùng" not in page


def test_a_certificate_in_its_last_thirty_days_shows_as_expiring(client, login, teams, clock):
    phang, _ = teams
    login("mai")
    clock.forward(days=340)

    page = client.get(f"/giang-vien/to/{phang.id}").get_data(as_text=True)

    lan_row = page[page.index("Lò Thị Lan") :].split("</tr>")[0]
    assert 'class="cell expiring"' in lan_row


def test_the_items_most_often_wrong_are_listed_with_their_lesson_step(client, login, teams):
    phang, _ = teams
    login("mai")

    page = client.get(f"/giang-vien/to/{phang.id}").get_data(as_text=True)

    missed = page[page.index("Câu hay sai nhất") :]
    assert missed.count("lần sai)") == 4  # the four items Páo got wrong, once each
    assert missed.count("#buoc-") == 4


def test_an_instructor_cannot_open_a_team_they_do_not_manage(client, login, teams):
    _, thanh = teams
    login("mai")

    response = client.get(f"/giang-vien/to/{thanh.id}")

    assert response.status_code == 404
    assert "Quàng Văn Hùng" not in response.get_data(as_text=True)


def test_an_instructor_sees_a_members_attempts_but_not_another_teams(client, session, login, teams):
    login("mai")
    pao = session.scalar(sa.select(Certificate)).user.team.members
    hung = make_user(session, "Vàng A Sử", "su", team=teams[1])
    pao = next(member for member in pao if member.username == "pao")

    own = client.get(f"/giang-vien/thanh-vien/{pao.id}")
    other = client.get(f"/giang-vien/thanh-vien/{hung.id}")

    assert own.status_code == 200 and "Chưa đạt" in own.get_data(as_text=True)
    assert other.status_code == 404


def test_a_member_cannot_open_the_instructor_pages(client, login, teams):
    phang, _ = teams
    login("lan")

    assert client.get(f"/giang-vien/to/{phang.id}").status_code == 403
    assert client.get("/bao-cao/").status_code == 403


def test_an_instructor_records_a_demonstration_that_the_certificate_shows(
    client, session, login, teams
):
    certificate = session.scalar(sa.select(Certificate))
    login("mai")

    response = post_form(
        client,
        f"/chung-nhan/{certificate.code}/thuc-hanh",
        {},
        page=f"/giang-vien/thanh-vien/{certificate.user_id}",
    )

    assert response.status_code == 302
    shown = client.get(f"/xac-minh/{certificate.code}").get_data(as_text=True)
    assert "Đã làm thành thạo trên điện thoại thật" in shown and "02/03/2026" in shown
    grid = client.get(f"/giang-vien/to/{teams[0].id}").get_data(as_text=True)
    assert "Đã làm trên máy thật" in grid


@pytest.mark.parametrize("sent", ["//evil.example/", "/\t/evil.example", "https://evil.example"])
def test_the_demonstration_form_never_sends_the_instructor_to_another_site(
    client, session, login, teams, sent
):
    certificate = session.scalar(sa.select(Certificate))
    login("mai")

    response = post_form(
        client,
        f"/chung-nhan/{certificate.code}/thuc-hanh",
        {"next": sent},
        page=f"/giang-vien/thanh-vien/{certificate.user_id}",
    )

    assert response.headers["Location"] == f"/chung-nhan/{certificate.code}"


def test_an_instructor_of_another_team_cannot_record_a_demonstration(client, session, login, teams):
    make_user(session, "Giảng viên Tuấn", "tuan", role="instructor", manages=[teams[1]])
    certificate = session.scalar(sa.select(Certificate))
    login("tuan")

    response = post_form(client, f"/chung-nhan/{certificate.code}/thuc-hanh", {}, page="/cua-toi")

    assert response.status_code == 404
    session.expire_all()
    assert session.get(Certificate, certificate.id).demonstrated_at is None


def test_the_roster_lists_the_same_teams_as_the_teams_page(client, login, teams):
    phang, thanh = teams
    login("mai")

    roster = client.get("/giang-vien/").get_data(as_text=True)
    listing = client.get("/to/").get_data(as_text=True)

    assert phang.name in roster and thanh.name not in roster
    assert roster.replace("/giang-vien/", "/to/") == listing.replace("/giang-vien/", "/to/")
