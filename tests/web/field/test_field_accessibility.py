"""The visit log, villages, targets and report pages pass axe-core on a phone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from tests.factories import make_team, make_user
from tests.services.visit_entries import certify
from tests.web.members.test_account_accessibility import sign_in
from tests.web.reading.test_accessibility import serious_problems
from trainer.models import utcnow
from trainer.services.field import villages

pytestmark = pytest.mark.browser


@pytest.fixture
def team(session):
    team = make_team(session)
    villages.add_village(session, team.id, "Bản Che Căn")
    villages.add_village(session, team.id, "Bản Bua")
    lan = make_user(session, "Lò Thị Lan", "lan", team=team)
    certify(session, lan, at=utcnow() - timedelta(days=30))
    make_user(session, "Quản trị An", "quantri", role="admin")
    return team


def test_the_visit_log_has_no_serious_problem_blank_or_with_every_error(phone, live_server, team):
    sign_in(phone, live_server, "lan")
    phone.goto(f"{live_server}/cua-toi/nhat-ky")
    blank = serious_problems(phone)
    phone.get_by_label("Số người dân được hướng dẫn").fill("0912345678")
    phone.get_by_role("button", name="Lưu buổi hướng dẫn").click()
    expect(phone.get_by_role("alert")).to_be_visible()

    assert (blank, serious_problems(phone)) == ([], [])
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360


def test_the_villages_targets_and_report_pages_have_no_serious_problem(phone, live_server, team):
    sign_in(phone, live_server, "quantri")

    found = {}
    for path in (
        f"/to/{team.id}/thon-ban/",
        "/quan-tri/chi-tieu/",
        "/quan-tri/chi-tieu/nhap",
        "/bao-cao/",
        f"/giang-vien/to/{team.id}/nhat-ky",
    ):
        phone.goto(live_server + path)
        found[path] = serious_problems(phone)

    assert found == {path: [] for path in found}
