"""Nobody can read a certification answer beforehand: crawl every public page of the shipped site.

A visitor without an account follows every link, picture, script and form address from the
home page (and searches for every certification question), and no response may hold a
certification item's id, its question, or its right choice next to its explanation.
"""

import html
import re
from collections import Counter, deque
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from tests.factories import shipped_catalog
from tests.web.hall.hall_quiz import right_letters

REPOSITORY = Path(__file__).resolve().parents[2]
CATALOG, _ = shipped_catalog()
WORDS = re.compile(r"[\w-]+")  # an item id is one of these, whole
LINK = re.compile(r'(?:href|src|action|data-[a-z-]+)="(/[^"]*)"')
TEXT = ("text/", "application/json", "application/javascript", "image/svg")
NOT_FETCHED = (".mp3", ".m4a", ".ogg", ".wav", ".webm", ".png", ".webp", ".woff2", ".ttf")
NEAR = 600  # characters either side of an explanation that count as "next to" it
MOST = 4000  # pages; the shipped site has a few hundred


@pytest.fixture(scope="module")
def crawled(tmp_path_factory, migrated_database):
    """Every public response, by address, as text."""
    from shutil import copyfile

    from trainer import create_app

    instance = tmp_path_factory.mktemp("instance")
    copyfile(migrated_database, instance / "trainer.sqlite")
    app = create_app(
        {
            "TESTING": True,
            "CONTENT_DIR": str(REPOSITORY),
            "BUILD_DIR": str(instance / "build"),
            "DATABASE_URL": f"sqlite:///{instance / 'trainer.sqlite'}",
            "SECRET_KEY": "test",
        }
    )
    client = app.test_client()
    searches = [
        f"/tim-kiem?q={quote(item.text[:60])}"
        for quiz in CATALOG.quizzes.values()
        for item in quiz.items
    ]
    return crawl(client, ["/", *(f"/chu-de/{slug}" for slug in CATALOG.quizzes), *searches])


def crawl(client, start: list[str]) -> dict[str, str]:
    pages, queue, seen = {}, deque(start), set(start)
    while queue and len(pages) < MOST:
        address = queue.popleft()
        response = client.get(address)
        kind = response.headers.get("Content-Type", "")
        if response.status_code >= 500:
            raise AssertionError(f"{address} answered {response.status_code}")
        if not kind.startswith(TEXT):
            continue
        text = html.unescape(response.get_data(as_text=True))
        for asked in parse_qs(urlsplit(address).query).get("q", []):
            text = text.replace(asked, "")  # a search page repeats what was typed
        pages[address] = text
        for link in LINK.findall(text):
            link = link.split("#")[0]
            if link and link not in seen and not urlsplit(link).path.endswith(NOT_FETCHED):
                seen.add(link)
                queue.append(link)
    return pages


def certification_items():
    return [(quiz, item) for quiz in CATALOG.quizzes.values() for item in quiz.items]


def test_the_crawl_reaches_every_lesson_and_every_class_quiz_question(crawled):
    lessons = {slug for slug, language in CATALOG.lessons if language == "vi"}
    practice = sum(len(quiz.practice) for quiz in CATALOG.quizzes.values())

    assert {slug for slug in lessons if f"/bai-hoc/{slug}" in crawled} == lessons
    assert len([a for a in crawled if re.search(r"/do-vui-ca-lop/\d+\?dap-an=1$", a)]) == practice


def named_or_asked(text: str) -> list[str]:
    """Ids of certification items whose id (as a whole word) or question is in the text."""
    words = set(WORDS.findall(text))
    return [item.id for _, item in certification_items() if item.id in words or item.text in text]


def test_no_public_page_holds_a_certification_item_id_or_question(crawled):
    leaks = [(address, item) for address, text in crawled.items() for item in named_or_asked(text)]

    assert leaks == []


def beside_explanation(text: str, item) -> bool:
    """True when the item's right choices stand within a few lines of its explanation."""
    for found in re.finditer(re.escape(item.explanation), text):
        around = (
            text[max(0, found.start() - NEAR) : found.start()]
            + text[found.end() : found.end() + NEAR]
        )
        if all(item.choices[choice].text in around for choice in item.answer):
            return True
    return False


def test_no_public_page_holds_a_right_choice_next_to_its_explanation(crawled):
    leaks = [
        (address, item.id)
        for quiz, item in certification_items()
        if item.type != "true_false"
        for address, text in crawled.items()
        if beside_explanation(text, item)
    ]

    assert leaks == []


def test_the_right_letter_of_the_class_quiz_is_spread_over_the_letters(crawled):
    letters = Counter(
        letter
        for address, text in crawled.items()
        if address.endswith("?dap-an=1") and "Đúng hay sai?" not in text
        for letter in right_letters(text)
    )

    assert max(letters.values()) <= 0.5 * sum(letters.values()), letters
