"""`trainer serve` loads the search index and the most read pages once, before its workers
fork, so they share them; whatever cannot be loaded then is loaded by a worker as before."""

from __future__ import annotations

import logging

import sqlalchemy as sa

from trainer import serving
from trainer.extensions import db


def test_the_search_index_is_open_before_the_workers_fork_and_finds_lessons(app):
    index = app.extensions["search"]
    assert index._index is None  # the app alone opens nothing

    serving.warm(app)

    assert index._index is not None
    page = app.test_client().get("/tim-kiem?q=mat+khau").get_data(as_text=True)
    assert "Mật khẩu" in page


def test_the_most_read_pages_templates_are_compiled_before_the_workers_fork(app):
    serving.warm(app)

    compiled = {name for _, name in app.jinja_env.cache}
    assert {"pages/home.html", "pages/topic.html", "pages/lesson.html"} <= compiled


def test_no_database_connection_is_left_open_to_be_shared_by_the_workers(app):
    with app.app_context():
        db.session.execute(sa.text("SELECT 1"))
        db.session.commit()

    serving.warm(app)

    assert db.engine(app).pool.checkedin() == 0


def test_a_part_that_cannot_be_loaded_is_logged_and_the_site_still_answers(app, caplog):
    def broken():
        raise OSError("the disk is gone")

    serving.before_fork(app, broken)

    with caplog.at_level(logging.ERROR, "trainer.serving"):
        serving.warm(app)

    assert "Could not load" in caplog.text and "the disk is gone" in caplog.text
    assert app.test_client().get("/").status_code == 200
