"""The verify and certificate pages on a 360 × 640 phone, at normal and at the largest text
size: labels above values when a line cannot hold both, never a column narrower than a word."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD, make_team, make_user
from tests.services.certification_clock import Clock, load_quiz, right_answers
from trainer.services.certification import attempts, certificates, signing_keys
from trainer.web.core.display import LARGEST

pytestmark = pytest.mark.browser

SIZES = ["0-thuong", f"{LARGEST}-thuong", f"{LARGEST}-cao"]
TEXT = "dt, dd, h1, .verdict, .checks li, .kicker, .team, .topic, .stamp, figcaption"
# Each word of each text element: never cut across lines, never wider than its element.
SQUEEZED = """(selector) => {
  const found = [];
  for (const element of document.querySelectorAll(selector)) {
    const width = element.getBoundingClientRect().width;
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const word of node.data.matchAll(/[^\\s\\-–]+[\\-–]?/g)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        // Boxes of one line overlap in height (a tone mark from a fallback font makes its own).
        let lines = 0, bottom = -Infinity;
        for (const box of [...range.getClientRects()].sort((a, b) => a.top - b.top)) {
          if (box.top >= bottom - 1) lines += 1;
          bottom = Math.max(bottom, box.bottom);
        }
        const wide = range.getBoundingClientRect().width;
        if (lines > 1 || wide > width + 0.5) {
          found.push(`${element.tagName.toLowerCase()} "${word[0]}": ${Math.round(wide)} px `
                     + `in ${Math.round(width)} px, ${lines} line(s)`);
        }
      }
    }
  }
  return found;
}"""


@pytest.fixture
def certified(app, session, monkeypatch):
    """A signed, demonstrated certificate for a member with a long name and team."""
    Clock(monkeypatch)
    signing_keys.make_keys(Path(app.instance_path))
    team = make_team(session, "Tổ Công nghệ số cộng đồng thôn Nà Sản, xã Mường Phăng")
    member = make_user(session, "Nguyễn Thị Hồng Nhung", "nhung", team=team)
    instructor = make_user(session, "Giảng viên Hà", "giangvien.ha", role="instructor")
    quiz = load_quiz()
    attempt = attempts.start(session, member.id, quiz)
    answers = right_answers(quiz, attempt)
    certificate = attempts.submit(session, member.id, attempt.token, quiz, answers)[2]
    certificates.record_demonstration(session, certificate.code, instructor.id)
    return certificate


def phone_at(browser, live_server, size: str):
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="vi-VN")
    context.add_cookies([{"name": "hien_thi", "value": size, "url": live_server}])
    return context, context.new_page()


def sign_in(page, base: str, login: str) -> None:
    page.goto(f"{base}/dang-nhap")
    page.get_by_label("Tên đăng nhập hoặc số điện thoại").fill(login)
    page.get_by_label("Mật khẩu", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", level=1)).not_to_have_text("Đăng nhập")


def squeezed(page) -> list[str]:
    return page.evaluate(SQUEEZED, TEXT)


@pytest.mark.parametrize("size", SIZES)
def test_the_verify_page_of_a_sealed_certificate_reads_on_a_phone(
    app, browser, live_server, certified, size
):
    seal = certificates.seal_of(certified, signing_keys.signing_key(Path(app.instance_path)))
    context, page = phone_at(browser, live_server, size)

    page.goto(f"{live_server}/xac-minh/{seal}")
    expect(page.locator(".verdict")).to_have_text("✓ Còn hiệu lực")
    expect(page.locator(".checks li").first).to_contain_text("Chữ ký số: đúng")

    assert squeezed(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    label = page.locator("dt", has_text="Họ và tên").bounding_box()
    value = page.locator("dd", has_text="Nguyễn Thị Hồng Nhung").bounding_box()
    assert value["y"] >= label["y"] + label["height"] - 1  # the value sits under its label
    context.close()


@pytest.mark.parametrize("size", SIZES)
def test_a_revoked_certificates_verify_page_reads_on_a_phone_state_first(
    browser, live_server, session, certified, size
):
    certificates.revoke(session, certified.code, "Chia sẻ đáp án", admin_id=1)
    context, page = phone_at(browser, live_server, size)

    page.goto(f"{live_server}/xac-minh/{certified.code}")
    expect(page.locator(".verdict")).to_have_text("✗ Đã bị thu hồi")

    assert squeezed(page) == []
    assert page.locator("dt").first.inner_text() == "Ngày thu hồi"
    expect(page.get_by_text("Có giá trị đến")).to_have_count(0)
    context.close()


@pytest.mark.parametrize("size", SIZES)
def test_the_certificate_page_reads_on_a_phone(browser, live_server, certified, size):
    context, page = phone_at(browser, live_server, size)
    sign_in(page, live_server, "nhung")

    page.goto(f"{live_server}/chung-nhan/{certified.code}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Nguyễn Thị Hồng Nhung")
    expect(page.locator(".verify-qr img")).to_be_visible()

    assert squeezed(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    expect(page.get_by_text("Đã làm thành thạo trên điện thoại thật")).to_be_visible()
    context.close()
