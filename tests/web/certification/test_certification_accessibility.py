"""axe-core finds no serious problem on the certification pages, on a phone, in both themes."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from axe_playwright_python.sync_playwright import Axe

from tests.factories import PASSWORD, make_team, make_user
from tests.services.certification_clock import Clock, load_quiz, right_answers
from trainer.models import Certificate
from trainer.services.certification import attempts, certificates, signing_keys

pytestmark = pytest.mark.browser
AXE = Axe()


@pytest.fixture
def people(app, session, monkeypatch):
    """Lan passed once and failed once; Páo has an open attempt; Mai is their instructor.
    The server signs certificates."""
    clock = Clock(monkeypatch)
    keys = signing_keys.make_keys(Path(app.instance_path))
    team = make_team(session)
    lan = make_user(session, "Lò Thị Lan", "lan.lo", team=team)
    pao = make_user(session, "Lò Văn Páo", "pao.lo", team=team)
    make_user(session, "Giảng viên Mai", "mai.gv", role="instructor", manages=[team])
    quiz = load_quiz()
    failed = attempts.start(session, lan.id, quiz)
    attempts.submit(session, lan.id, failed.token, quiz, {})
    clock.forward(hours=13)
    passed = attempts.start(session, lan.id, quiz)
    attempts.submit(session, lan.id, passed.token, quiz, right_answers(quiz, passed))
    open_one = attempts.start(session, pao.id, quiz)
    certificate = session.scalar(sa.select(Certificate))
    code = certificate.code
    seal = certificates.seal_of(certificate, signing_keys.signing_key(keys.private.parent.parent))
    return {
        "lan.lo": [
            "/cua-toi",
            "/chung-nhan",
            "/kiem-tra/an-toan",
            f"/ket-qua/{failed.token}",
            f"/chung-nhan/{code}",
            "/so-tay/an-toan",
        ],
        "pao.lo": [f"/bai-lam/{open_one.token}", "/so-tay/an-toan"],
        "mai.gv": [
            "/giang-vien/",
            f"/giang-vien/to/{team.id}",
            f"/giang-vien/thanh-vien/{lan.id}",
            "/bao-cao/?quy=2026-Q1",
            "/giang-vien/cau-hoi",
        ],
        None: [
            f"/xac-minh/{code}",
            "/xac-minh",
            "/xac-minh/AAAA-BBBB-CCCC-DDDD",
            "/xac-minh/" + "A" * 180,  # a seal that does not read
            f"/xac-minh/{seal}",
        ],
    }


def serious_problems(page) -> list[str]:
    found = AXE.run(page).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {[node['target'] for node in v['nodes']]}"
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


def sign_in(page, base: str, login: str) -> None:
    page.goto(f"{base}/dang-nhap")
    page.get_by_label("Tên đăng nhập hoặc số điện thoại").fill(login)
    page.get_by_label("Mật khẩu", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


@pytest.mark.parametrize("theme", ["0-thuong", "0-cao"])
def test_axe_finds_no_serious_problem_on_any_certification_page(
    browser, live_server, people, theme
):
    problems = {}
    for login, paths in people.items():
        context = browser.new_context(viewport={"width": 360, "height": 640}, locale="vi-VN")
        context.add_cookies([{"name": "hien_thi", "value": theme, "url": live_server}])
        page = context.new_page()
        if login:
            sign_in(page, live_server, login)
        for path in paths:
            page.goto(live_server + path)
            assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
            if found := serious_problems(page):
                problems[path] = found
        context.close()

    assert problems == {}
