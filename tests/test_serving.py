"""`trainer serve` loads the search index and the most read pages once, before its workers
fork, so they share them; whatever cannot be loaded then is loaded by a worker as before."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import sqlalchemy as sa

from trainer import serving
from trainer.extensions import db
from trainer.web.core import serving_state


def test_the_search_index_is_open_before_the_workers_fork_and_finds_lessons(app):
    index = serving_state.serving(app).search
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


HASH_IN_THREADS = """
import os, threading
from trainer import serving
from trainer.web.core import serving_state
from trainer.services.members import passwords
if os.environ["GIVE_BACK"] == "1":
    serving.give_back_large_blocks()
def rss():
    for line in open(f"/proc/{os.getpid()}/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) // 1024
stored = passwords.hash_password("ca phe sang 7 gio")
before = rss()
threads = [threading.Thread(target=passwords.matches, args=(stored, "sai")) for _ in range(4)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join()
print(rss() - before)
"""


def grown_mb_after_checks_in_four_threads(give_back: bool) -> int:
    done = subprocess.run(
        [sys.executable, "-c", HASH_IN_THREADS],
        env={**os.environ, "GIVE_BACK": "1" if give_back else "0"},
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout)


def test_a_servers_memory_comes_back_after_password_checks_in_every_thread():
    assert grown_mb_after_checks_in_four_threads(give_back=True) < 10
    # what a server kept before: 19 MiB (Argon2id's memory) in each thread that checked one
    assert grown_mb_after_checks_in_four_threads(give_back=False) > 15
