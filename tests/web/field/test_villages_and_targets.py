"""A team's villages kept by its instructor; each village's targets kept by an admin."""

from __future__ import annotations

import io

import pytest
import sqlalchemy as sa

from tests.factories import make_team
from tests.forms import post_form
from tests.web.field.people import door
from trainer.models import Village, VillageTarget
from trainer.services.field import targets


@pytest.fixture
def place(session, monkeypatch):
    return door(session, monkeypatch)


def names(session, team) -> list[str]:
    rows = session.scalars(
        sa.select(Village.name).where(Village.team_id == team.id, Village.active.is_(True))
    )
    return sorted(rows)


def test_the_instructor_adds_a_village_to_the_teams_list(client, login, session, place):
    login("mai")
    path = f"/to/{place.team.id}/thon-ban/"

    response = post_form(client, path, {"ten": "Thôn Đồng Tâm"})

    assert response.status_code == 302
    assert "Đã thêm “Thôn Đồng Tâm”" in client.get(path).get_data(as_text=True)
    assert names(session, place.team) == ["Bản Bua", "Bản Che Căn", "Thôn Đồng Tâm"]


def test_a_village_name_holding_a_phone_number_is_refused(client, login, session, place):
    login("mai")

    response = post_form(client, f"/to/{place.team.id}/thon-ban/", {"ten": "Nhà 0912345678"})

    assert response.status_code == 422
    assert "giống số điện thoại" in response.get_data(as_text=True)
    assert names(session, place.team) == ["Bản Bua", "Bản Che Căn"]


def test_a_retired_village_leaves_the_log_form(client, login, place):
    login("mai")
    path = f"/to/{place.team.id}/thon-ban/"
    post_form(client, f"{path}{place.bua.id}/bo", {}, page=path)
    login.logout()
    login("lan")

    page = client.get("/cua-toi/nhat-ky").get_data(as_text=True)

    assert "Bản Che Căn" in page and "Bản Bua" not in page


def test_an_instructor_of_another_team_cannot_see_its_villages(client, login, session, place):
    other = make_team(session, "Tổ khác", "Xã khác")
    assert client.get(f"/to/{other.id}/thon-ban/").status_code == 302  # not signed in
    login("mai")

    assert client.get(f"/to/{other.id}/thon-ban/").status_code == 404


def test_an_admin_types_a_villages_targets_for_the_year(client, login, session, place):
    login("quantri")
    path = f"/quan-tri/chi-tieu/?to={place.team.id}&nam=2026"

    response = post_form(
        client,
        path,
        {f"t-{place.che_can.id}-nguoi-dan": "40", f"t-{place.che_can.id}-gia-dinh-so": "8"},
    )

    assert response.status_code == 302
    assert targets.targets_for(session, [place.che_can.id], 2026) == {
        (place.che_can.id, "nguoi-dan"): 40,
        (place.che_can.id, "gia-dinh-so"): 8,
    }
    assert 'value="40"' in client.get(path).get_data(as_text=True)


def test_a_target_that_is_not_a_number_is_refused_on_the_page(client, login, session, place):
    login("quantri")

    response = post_form(
        client,
        f"/quan-tri/chi-tieu/?to={place.team.id}&nam=2026",
        {f"t-{place.che_can.id}-nguoi-dan": "bốn mươi"},
    )

    assert response.status_code == 422
    assert "Chỉ tiêu là số nguyên" in response.get_data(as_text=True)
    assert session.scalar(sa.select(sa.func.count()).select_from(VillageTarget)) == 0


def test_an_admin_imports_targets_from_csv(client, login, session, place):
    login("quantri")
    data = f"to,thon_ban,nam,nguoi_dan,ho_gia_dinh\n{place.team.name},Bản Che Căn,2026,40,12\n"

    response = post_form(
        client,
        "/quan-tri/chi-tieu/nhap",
        {"file": (io.BytesIO(data.encode()), "chi-tieu.csv")},
        content_type="multipart/form-data",
    )

    assert "Đã nhập chỉ tiêu cho 1 thôn, bản." in response.get_data(as_text=True)
    assert targets.targets_for(session, [place.che_can.id], 2026) == {
        (place.che_can.id, "nguoi-dan"): 40,
        (place.che_can.id, "ho-gia-dinh"): 12,
    }


@pytest.mark.parametrize("path", ["/quan-tri/chi-tieu/", "/quan-tri/chi-tieu/nhap"])
def test_only_admins_keep_targets(client, login, place, path):
    login("mai")

    assert client.get(path).status_code == 403
