"""Many people doing the same thing at the same moment, as threads."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable

import sqlalchemy as sa

from trainer import database
from trainer.extensions import db
from trainer.models import LessonProgress


def at_once(target: Callable, jobs: Iterable[tuple]) -> None:
    """Run target(*job) for every job, each in its own thread, all together; wait for all."""
    threads = [threading.Thread(target=target, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def count_up_one_at_a_time(app, times: int = 20) -> None:
    """`times` people each read the one progress row's number and write it back plus one.

    Under begin_write they take turns; without it, some would read the same number and an
    update would be lost.
    """
    makers = db.sessionmaker(app)

    def add_one() -> None:
        with makers() as own:
            database.begin_write(own)
            row = own.scalar(sa.select(LessonProgress).where(LessonProgress.lesson_slug == "dem"))
            time.sleep(0.005)
            row.steps_reached += 1
            own.commit()

    at_once(add_one, [()] * times)
