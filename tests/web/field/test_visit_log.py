"""The visit log at /cua-toi/nhat-ky: what a member may log, and what never gets in."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from tests.forms import post_form, token_from
from tests.web.field.people import door, visit_form
from trainer.models import Visit

KEY = "0b8e7c52-2a1f-4f0e-9a44-6c1d2e3f4a5b"


@pytest.fixture
def place(session, monkeypatch):
    return door(session, monkeypatch)


def stored(session) -> list[Visit]:
    return list(session.scalars(sa.select(Visit)))


def test_the_form_offers_the_members_villages_and_cleared_skills_and_says_what_is_never_kept(
    client, login, place
):
    login("lan")

    page = client.get("/cua-toi/nhat-ky").get_data(as_text=True)

    assert "Không ghi tên, số căn cước hay số điện thoại của người dân." in page
    assert "Bản Che Căn" in page and "Bản Bua" in page
    assert 'name="chu_de" value="an-toan"' in page
    assert 'name="chu_de" value="nong-nghiep"' not in page
    assert 'value="mat-khau-an-toan"' in page and 'value="gia-dinh-so"' in page
    assert 'value="2026-11-12"' in page  # today, ready to send


def test_a_certified_member_logs_a_visit_and_sees_it_listed(client, login, session, place):
    login("lan")

    response = post_form(client, "/cua-toi/nhat-ky", visit_form(place.che_can))

    assert response.status_code == 302
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Đã ghi buổi hướng dẫn ngày 10/11/2026 ở Bản Che Căn." in page
    assert "3 người, 2 hộ" in page and "Đổi sang mật khẩu an toàn: 2" in page
    (visit,) = stored(session)
    assert (visit.user_id, visit.residents, visit.outcomes) == (
        place.lan.id,
        3,
        {"mat-khau-an-toan": 2},
    )


def test_a_member_without_a_certificate_is_offered_no_skill_to_log(client, login, place):
    login("pao")

    page = client.get("/cua-toi/nhat-ky").get_data(as_text=True)

    assert "chưa có giấy chứng nhận còn hiệu lực" in page
    assert 'name="chu_de"' not in page


def test_a_member_without_a_certificate_cannot_post_guidance_for_it(client, login, session, place):
    login("pao")
    token = login.token("/cua-toi/mat-khau")

    response = client.post(
        "/cua-toi/nhat-ky", data={"csrf_token": token, **visit_form(place.che_can)}
    )

    assert response.status_code == 422
    assert "cần giấy chứng nhận còn hiệu lực" in response.get_data(as_text=True)
    assert stored(session) == []


@pytest.mark.parametrize(
    ("field", "typed"),
    [
        ("so_nguoi", "0912345678"),
        ("so_ho", "0912 345 678"),
        ("ngay", "001234567890"),
        ("thon", "+84 912 345 678"),
        ("so_mat-khau-an-toan", "079123456789"),
        ("chu_de", "0912345678"),
        ("ket_qua", "001234567890"),
    ],
)
def test_no_field_takes_a_phone_number_or_an_id_number(client, login, session, place, field, typed):
    login("lan")

    response = post_form(client, "/cua-toi/nhat-ky", visit_form(place.che_can, **{field: typed}))

    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Nhật ký không ghi số" in page
    assert stored(session) == []


def test_a_visit_sent_again_with_its_key_is_stored_once(client, login, session, place):
    login("lan")
    token = token_from(client.get("/cua-toi/nhat-ky").get_data(as_text=True))
    data = {"csrf_token": token, "khoa": KEY, **visit_form(place.che_can)}

    answers = [
        client.post("/cua-toi/nhat-ky", data=data, headers={"Accept": "application/json"})
        for _ in range(3)
    ]

    assert [answer.status_code for answer in answers] == [201, 201, 201]
    assert len({answer.json["id"] for answer in answers}) == 1
    assert len(stored(session)) == 1


def test_a_refused_entry_sent_as_json_says_why_by_field(client, login, place):
    login("lan")
    token = token_from(client.get("/cua-toi/nhat-ky").get_data(as_text=True))

    answer = client.post(
        "/cua-toi/nhat-ky",
        data={"csrf_token": token, **visit_form(place.che_can, so_ho="9")},
        headers={"Accept": "application/json"},
    )

    assert answer.status_code == 422
    assert set(answer.json["errors"]) == {"households"}


def test_a_member_changes_their_entry_within_seven_days_but_not_after(
    client, login, session, place
):
    login("lan")
    post_form(client, "/cua-toi/nhat-ky", visit_form(place.che_can))
    (visit,) = stored(session)
    path = f"/cua-toi/nhat-ky/{visit.id}"

    place.clock.forward(days=6)
    changed = post_form(client, path, visit_form(place.bua, so_nguoi="5"))
    place.clock.forward(days=2)
    late = post_form(client, path, visit_form(place.bua, so_nguoi="6"))

    assert changed.status_code == 302
    assert late.status_code == 422 and "7 ngày" in late.get_data(as_text=True)
    session.expire_all()
    assert (session.get(Visit, visit.id).residents, session.get(Visit, visit.id).village_id) == (
        5,
        place.bua.id,
    )


def test_another_member_cannot_open_someone_elses_entry(client, login, session, place):
    login("lan")
    post_form(client, "/cua-toi/nhat-ky", visit_form(place.che_can))
    (visit,) = stored(session)
    login.logout()
    login("pao")

    assert client.get(f"/cua-toi/nhat-ky/{visit.id}").status_code == 404


def test_the_members_page_shows_visits_this_quarter_and_skills_cleared(client, login, place):
    login("lan")
    post_form(client, "/cua-toi/nhat-ky", visit_form(place.che_can))

    page = client.get("/cua-toi").get_data(as_text=True)

    assert "Bạn được hướng dẫn: <strong>An toàn trên mạng</strong>" in page
    assert "Quý 4/2026: 1 buổi, 3 người dân, 2 hộ." in page


def test_the_instructor_sees_the_teams_log_and_a_visits_column(client, login, place):
    login("lan")
    post_form(client, "/cua-toi/nhat-ky", visit_form(place.che_can))
    login.logout()
    login("mai")

    log = client.get(f"/giang-vien/to/{place.team.id}/nhat-ky").get_data(as_text=True)
    grid = client.get(f"/giang-vien/to/{place.team.id}").get_data(as_text=True)

    assert "Lò Thị Lan" in log and "Bản Che Căn" in log and "1 buổi · 3 người dân" in log
    assert "Buổi hướng dẫn quý 4/2026" in grid
    lan_row = grid[grid.index("Lò Thị Lan") :].split("</tr>")[0]
    assert '<td class="visits-count">1</td>' in lan_row


def test_a_member_cannot_see_the_teams_log(client, login, place):
    login("lan")

    assert client.get(f"/giang-vien/to/{place.team.id}/nhat-ky").status_code == 403
