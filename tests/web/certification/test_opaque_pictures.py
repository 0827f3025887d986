"""A quiz page's pictures and their alt texts never tell a choice apart: every certification
item of every shipped bank is shown on a real attempt page and its pictures are read."""

from __future__ import annotations

import re
import secrets
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.factories import make_team, make_user
from tests.forms import Login
from trainer.content.catalog import load_catalog
from trainer.content.telling_words import IN_ALT_TEXTS, IN_FILE_NAMES, words
from trainer.models import QuizAttempt

REPOSITORY = Path(__file__).resolve().parents[3]
CATALOG, _ = load_catalog(REPOSITORY)
HASH_ONLY = re.compile(r"^/media/[0-9a-f]{12}\.(svg|webp)$|^/media/\d+\.[0-9a-f]{12}\.webp$")


class Pictures(HTMLParser):
    """(item id, src, alt) of every picture inside a question's fieldset."""

    def __init__(self):
        super().__init__()
        self.item, self.found = None, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("type") in ("radio", "checkbox"):
            self.item = attrs.get("name")
        if tag == "img" and self.item:
            self.found.append((self.item, attrs.get("src", ""), attrs.get("alt", "")))


@pytest.fixture
def shipped_client(make_app):
    return make_app(REPOSITORY).test_client()


def attempt_pages(client, session) -> dict[str, str]:
    """Every shipped bank's certification items on one attempt page per bank, as a member
    sees them; the attempts are written as `attempts.start` writes them."""
    member = make_user(session, "Lò Thị Lan", "lan", team=make_team(session))
    Login(client)(member)
    pages = {}
    for topic, quiz in CATALOG.quizzes.items():
        token = secrets.token_urlsafe(16)
        items = [{"id": item.id, "shown": list(range(len(item.choices)))} for item in quiz.items]
        session.add(QuizAttempt(user_id=member.id, topic=topic, token=token, items=items))
        session.commit()
        pages[topic] = client.get(f"/bai-lam/{token}").get_data(as_text=True)
    return pages


def test_no_picture_address_or_alt_text_on_any_attempt_page_tells_a_choice_apart(
    shipped_client, session
):
    pages = attempt_pages(shipped_client, session)

    pictures = []
    for page in pages.values():
        parser = Pictures()
        parser.feed(page)
        pictures += parser.found
    assert len(pictures) >= 10, "the shipped banks' picture items were not shown"
    assert [src for _, src, _ in pictures if not HASH_ONLY.match(src)] == []
    by_item: dict[str, list[set[str]]] = {}
    for item, _, alt in pictures:
        by_item.setdefault(item, []).append(words(alt))
    telling = {
        item: sorted(
            w for w in IN_ALT_TEXTS | IN_FILE_NAMES if 0 < sum(w in a for a in alts) < len(alts)
        )
        for item, alts in by_item.items()
    }
    assert {item: found for item, found in telling.items() if found} == {}
