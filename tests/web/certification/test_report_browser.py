"""The commune's report in Chromium: every column in view on a 1280 px screen, every number
on a 360 px phone, and at most two A4 pages of nothing but the report when printed."""

from __future__ import annotations

import re

import pytest

from tests.factories import PASSWORD, make_user
from tests.services.certification_clock import Clock
from tests.web.certification.commune_data import ten_teams
from trainer.services.field import targets

pytestmark = pytest.mark.browser
REPORT = "/bao-cao/?ky=2026-Q1"
OUT_OF_VIEW = """() => {
  const width = document.documentElement.clientWidth;
  const cells = [...document.querySelectorAll('.report-table th, .report-table td')];
  const hidden = cells.filter(cell => {
    const box = cell.getBoundingClientRect();
    return box.width === 0 || box.left < 0 || box.right > width + 0.5;
  });
  return {cells: cells.length, hidden: hidden.map(cell => cell.textContent.trim()),
          sideways: document.documentElement.scrollWidth > width};
}"""


@pytest.fixture
def commune(app, session, monkeypatch):
    Clock(monkeypatch)  # 2 March 2026: the first quarter
    known = [i.key for i in targets.indicators(app.extensions["catalog"].outcomes)]
    ten_teams(session, known)
    make_user(session, "Quản trị An", "quantri", role="admin")


def sign_in(page, live_server):
    page.goto(f"{live_server}/dang-nhap")
    page.get_by_label("Tên đăng nhập hoặc số điện thoại").fill("quantri")
    page.get_by_label("Mật khẩu", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(lambda url: "/dang-nhap" not in url)
    page.goto(f"{live_server}{REPORT}")


@pytest.fixture
def wide(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="vi-VN")
    yield context.new_page()
    context.close()


def test_at_1280_px_no_column_of_any_table_is_hidden(wide, live_server, commune):
    sign_in(wide, live_server)

    found = wide.evaluate(OUT_OF_VIEW)

    assert found["cells"] > 400
    assert found["hidden"] == [] and not found["sideways"]


def test_on_a_360_px_phone_no_number_is_off_screen(phone, live_server, commune):
    sign_in(phone, live_server)

    found = phone.evaluate(OUT_OF_VIEW.replace(".report-table th, ", ""))

    assert found["cells"] > 300
    assert found["hidden"] == [] and not found["sideways"]


def test_a_ten_team_quarter_prints_on_at_most_two_a4_pages_with_no_form_control(
    wide, live_server, commune
):
    sign_in(wide, live_server)
    wide.emulate_media(media="print")

    controls = wide.evaluate(
        "() => [...document.querySelectorAll('select, button, input, a.button')]"
        ".filter(e => e.getClientRects().length > 0).length"
    )
    pdf = wide.pdf(prefer_css_page_size=True)

    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert controls == 0
    assert 1 <= pages <= 2
    assert wide.get_by_text("NGƯỜI DUYỆT").is_visible()
