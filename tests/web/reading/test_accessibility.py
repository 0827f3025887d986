"""Accessibility: axe-core finds no serious or critical problem, text grows, contrast is high,
everything is reachable by keyboard, and pages work at 200 % zoom on a small phone."""

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

PAGES = [
    "/",
    "/chu-de/an-toan",
    "/bai-hoc/mat-khau",
    "/bai-hoc/mat-khau?lang=hmn",
    "/tim-kiem?q=mat+khau",
    "/tim-kiem?q=xyzzy",
    "/bai-hoc/mat-khau/trinh-chieu",
    "/bai-hoc/mat-khau/trinh-chieu/nguoi-day",
    "/trinh-chieu?ma=123456",
    "/vui",
    "/bai-hoc/mat-khau/nghe",
    "/bai-hoc/mat-khau/in",
    "/chu-de/an-toan/do-vui-ca-lop",
    "/chu-de/an-toan/do-vui-ca-lop/2?dap-an=1",
    "/chu-de/an-toan/do-vui-ca-lop/5",
]
CONTRAST_PAGES = [
    "/",
    "/bai-hoc/mat-khau",
    "/tim-kiem?q=mat+khau",
    "/bai-hoc/mat-khau/trinh-chieu",
    "/chu-de/an-toan/do-vui-ca-lop/2?dap-an=1",
]
AXE = Axe()


def serious_problems(page) -> list[str]:
    found = AXE.run(page).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {[node['target'] for node in v['nodes']]}"
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("path", PAGES)
def test_axe_finds_no_serious_problem(phone, live_server, path):
    phone.goto(live_server + path)

    assert serious_problems(phone) == []


@pytest.mark.parametrize("path", CONTRAST_PAGES)
def test_axe_finds_no_serious_problem_in_high_contrast(phone, live_server, path):
    phone.context.add_cookies([{"name": "hien_thi", "value": "0-cao", "url": live_server}])
    phone.goto(live_server + path)

    assert serious_problems(phone) == []


def press(page, link: str) -> None:
    """Open the header's display settings if they are closed, follow one of its links, and
    wait for the page it leads back to (with the settings open again)."""
    control = page.get_by_role("link", name=link)
    if not control.is_visible():
        page.locator("summary", has_text="Cỡ chữ").click()
    with page.expect_navigation():
        control.click()
    page.wait_for_load_state()


def text_px(page) -> float:
    return page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('.step-text p')).fontSize)"
    )


def test_a_plus_makes_lesson_text_bigger_and_is_remembered(phone, live_server):
    phone.goto(f"{live_server}/bai-hoc/mat-khau")
    normal = text_px(phone)

    press(phone, "A+ (chữ to hơn)")
    press(phone, "A+ (chữ to hơn)")
    bigger = text_px(phone)
    phone.goto(f"{live_server}/bai-hoc/lua-dao")

    assert phone.url.endswith("/bai-hoc/lua-dao")
    assert bigger >= normal * 1.3
    assert text_px(phone) == bigger  # remembered on the next lesson


def test_a_minus_makes_text_smaller_again(phone, live_server):
    phone.goto(f"{live_server}/bai-hoc/mat-khau")
    normal = text_px(phone)

    press(phone, "A+ (chữ to hơn)")
    press(phone, "A− (chữ nhỏ hơn)")

    assert text_px(phone) == normal
    assert phone.url.endswith("/bai-hoc/mat-khau#hien-thi")  # back, settings open


def test_high_contrast_turns_the_page_black_and_back(phone, live_server):
    phone.goto(f"{live_server}/chu-de/an-toan")
    background = "getComputedStyle(document.body).backgroundColor"

    press(phone, "Tương phản cao")
    dark = phone.evaluate(background)
    press(phone, "Màu thường")

    assert dark == "rgb(0, 0, 0)"
    assert phone.evaluate(background) == "rgb(255, 255, 255)"


def test_every_control_is_reached_by_tab_with_a_visible_focus_ring(phone, live_server):
    phone.goto(f"{live_server}/bai-hoc/mat-khau")
    controls = phone.evaluate(
        "[...document.querySelectorAll("
        "'a[href], button, input, summary, [tabindex]:not([tabindex=\"-1\"])')]"
        ".filter(el => el.checkVisibility()).length"
    )
    reached = []

    for _ in range(controls):
        phone.keyboard.press("Tab")
        reached.append(
            phone.evaluate(
                """() => { const el = document.activeElement; const style = getComputedStyle(el);
                return [el.outerHTML.slice(0, 60), style.outlineStyle !== 'none'
                        && parseFloat(style.outlineWidth) >= 2]; }"""
            )
        )

    assert len({html for html, _ in reached}) == controls
    assert [html for html, ringed in reached if not ringed] == []


@pytest.mark.parametrize("path", ["/", "/chu-de/an-toan", "/bai-hoc/mat-khau", "/tim-kiem?q=mat"])
def test_pages_fit_a_360_px_phone_zoomed_to_200_percent(browser, live_server, path):
    context = browser.new_context(viewport={"width": 180, "height": 320})  # 360 px at 200 %
    page = context.new_page()

    page.goto(live_server + path)

    assert page.evaluate("document.documentElement.scrollWidth") <= 180
    context.close()
