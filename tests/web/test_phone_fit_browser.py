"""What the person holding a 360 px phone at the largest text size sees on the pages that
let them down: the header, the visit log form, a report's filter, a quiz question, a
lesson step beside its speaker button."""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from tests.factories import make_team, make_user
from tests.services.visit_entries import certify
from tests.web.layout import build_voiced
from tests.web.tour import sign_in
from trainer.models import utcnow
from trainer.services.field import villages

pytestmark = pytest.mark.browser
LONG_NAME = "Lò Thị Lan Nguyễn Hoàng Phương Thảo"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_voiced(tmp_path_factory.mktemp("built"))


@pytest.fixture
def app(make_app, content, built):
    return make_app(content, BUILD_DIR=str(built))


@pytest.fixture
def largest(browser, live_server):
    """A 360 × 640 phone at the largest text size."""
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="vi-VN")
    context.add_cookies([{"name": "hien_thi", "value": "4-thuong", "url": live_server}])
    yield context.new_page()
    context.close()


@pytest.fixture
def lan(session):
    """A certified member with a long name, in a team with two villages; her instructor."""
    team = make_team(session)
    villages.add_village(session, team.id, "Bản Che Căn")
    villages.add_village(session, team.id, "Bản Bua")
    member = make_user(session, LONG_NAME, "lan", team=team)
    certify(session, member, at=utcnow() - timedelta(days=30))
    make_user(session, "Giảng viên Mai", "mai", role="instructor", manages=[team])
    return member


def test_the_header_is_two_rows_at_the_largest_size_with_a_long_name_shortened(
    largest, live_server, lan
):
    sign_in(largest, live_server, "lan")

    largest.goto(f"{live_server}/bai-hoc/mat-khau")

    account = largest.locator(".account-link a")
    expect(account).to_have_text("Phương Thảo")
    expect(account).to_have_attribute("title", LONG_NAME)
    brand, name = largest.locator(".brand").bounding_box(), account.bounding_box()
    search, display = (largest.locator(".tool > summary").nth(i).bounding_box() for i in (0, 1))
    assert abs(brand["y"] - name["y"]) < brand["height"]  # the site and the account: one row
    assert abs(search["y"] - display["y"]) < search["height"]  # search and display: one row
    assert largest.locator("header.site").bounding_box()["height"] <= 640 / 4


def test_on_the_visit_log_each_field_is_full_width_and_each_box_sits_beside_its_label(
    largest, live_server, lan
):
    sign_in(largest, live_server, "lan")

    largest.goto(f"{live_server}/cua-toi/nhat-ky")

    form = largest.locator("form.visit-log").bounding_box()
    village = largest.get_by_label("Thôn, bản").bounding_box()
    box = largest.get_by_role("checkbox", name="An toàn trên mạng")
    label = largest.locator("label[for=chu-de-an-toan]").bounding_box()
    assert village["width"] >= form["width"] - 1
    assert box.bounding_box()["width"] >= 44 and box.bounding_box()["height"] >= 44
    assert label["x"] > box.bounding_box()["x"] + 44  # beside, not above or below
    assert label["y"] < box.bounding_box()["y"] + 44


def test_the_reports_team_label_sits_with_its_list(largest, live_server, lan):
    sign_in(largest, live_server, "mai")

    largest.goto(f"{live_server}/bao-cao/")

    label = largest.locator("label[for=to]").bounding_box()
    chosen = largest.locator("select#to").bounding_box()
    beside = (
        label["y"] < chosen["y"] + chosen["height"] and chosen["y"] < label["y"] + label["height"]
    )
    above = (
        abs(label["x"] - chosen["x"]) < 2 and 0 <= chosen["y"] - (label["y"] + label["height"]) < 12
    )
    assert beside or above  # never the label ending one row and its list starting the next


def test_a_quiz_questions_text_is_inside_its_card(largest, live_server, lan, session):
    sign_in(largest, live_server, "lan")
    largest.goto(f"{live_server}/kiem-tra/an-toan")

    largest.get_by_role("button", name="Bắt đầu làm bài").click()

    card = largest.locator(".quiz .question").first
    text = card.locator("legend").bounding_box()
    border = card.evaluate("el => parseFloat(getComputedStyle(el).borderTopWidth)")
    assert text["y"] >= card.bounding_box()["y"] + border


def test_a_steps_heading_keeps_most_of_the_line_beside_the_speaker_button(largest, live_server):
    largest.goto(f"{live_server}/bai-hoc/mat-khau")

    step = largest.locator("#buoc-1").bounding_box()
    speaker = largest.locator("#buoc-1 .speaker").bounding_box()

    assert speaker["width"] <= step["width"] / 3 + 1
