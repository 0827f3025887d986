"""One owner of what a server process serves from memory: bounded caches, one reload()."""

from __future__ import annotations

import sqlalchemy as sa

from trainer.extensions import db
from trainer.web.core.serving_state import Kept, serving


def test_a_full_cache_drops_only_the_entry_used_longest_ago():
    kept = Kept.of_bytes(30)
    for key in "abc":
        kept.put(key, b"x" * 10)
    kept.get("a")  # used again: now the b page is the oldest

    kept.put("d", b"x" * 10)

    assert [key in kept for key in "abcd"] == [True, False, True, True]
    assert kept.size == 30


def test_an_entry_larger_than_the_whole_cache_is_served_but_never_kept():
    kept = Kept.of_bytes(30)
    kept.put("a", b"x" * 10)

    made = kept.get_or_make("huge", lambda: b"x" * 31)

    assert made == b"x" * 31
    assert "huge" not in kept and "a" in kept


def test_a_page_made_while_the_audio_was_reloaded_is_not_kept(app):
    state = serving(app)

    with app.app_context():
        state.articles.get_or_make("bai", lambda: state.reload() or "made with the old audio")

    assert "bai" not in state.articles


def test_reload_forgets_the_pages_made_with_the_old_audio(app, client):
    client.get("/bai-hoc/mat-khau")
    state = serving(app)
    assert len(state.pages) == 1 and len(state.articles) == 1

    state.reload()

    assert len(state.pages) == 0 and len(state.articles) == 0


def test_a_readers_page_asks_the_database_nothing(app, client):
    statements = []
    engine = db.engine(app)
    sa.event.listen(engine, "before_cursor_execute", lambda *args: statements.append(args[2]))

    pages = [client.get(path) for path in ("/", "/chu-de/an-toan", "/bai-hoc/mat-khau")]

    assert [page.status_code for page in pages] == [200, 200, 200]
    assert statements == []
