"""axe-core finds no serious problem on the province's pages, on a phone and a wide screen,
in both themes."""

from __future__ import annotations

import pytest

from tests.factories import make_team, make_user
from tests.services.certification_clock import Clock
from tests.web.certification.test_certification_accessibility import serious_problems, sign_in
from trainer.services.certification import signing_keys
from trainer.services.records import servers

pytestmark = pytest.mark.browser


@pytest.fixture
def staff(session, monkeypatch, tmp_path):
    Clock(monkeypatch)
    make_team(session)
    make_user(session, "Cán bộ Sở", "canbo", role="province")
    pair = signing_keys.make_keys(tmp_path / "xa")
    servers.register(session, "Xã Thanh Nưa", pair.public.read_bytes())  # has sent nothing


@pytest.mark.parametrize("theme", ["0-thuong", "0-cao"])
@pytest.mark.parametrize("width", [360, 1280])
def test_axe_finds_no_serious_problem_on_the_province_pages(
    browser, live_server, staff, theme, width
):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="vi-VN")
    context.add_cookies([{"name": "hien_thi", "value": theme, "url": live_server}])
    page = context.new_page()
    sign_in(page, live_server, "canbo")
    problems = {}
    for path in ("/tinh/?ky=2026-Q1", "/tinh/goi-so-lieu", "/bao-cao/?ky=2026-03"):
        page.goto(live_server + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        if found := serious_problems(page):
            problems[path] = found
    context.close()

    assert problems == {}
