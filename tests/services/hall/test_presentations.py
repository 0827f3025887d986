"""A projector's session: a code to join by, a position only it holds, kept half a day."""

from __future__ import annotations

from datetime import timedelta

from trainer.models import utcnow
from trainer.services.hall import presentations


def test_two_halls_projecting_the_same_lesson_never_move_each_other(session):
    now = utcnow()
    first = presentations.start(session, "mat-khau", 6, now)
    second = presentations.start(session, "mat-khau", 6, now)

    presentations.move(session, first.id, 3, False, now)

    assert first.code != second.code
    assert presentations.current(session, first.id, now).at == 3
    assert presentations.current(session, second.id, now).at == 0


def test_a_presenter_joins_by_the_code_however_it_is_typed(session):
    now = utcnow()
    started = presentations.start(session, "mat-khau", 6, now)
    typed = f" {started.code[:3]} {started.code[3:]} "

    joined = presentations.join(session, typed, now)

    assert joined is not None and joined.id == started.id
    assert joined.presenters == 1


def test_a_move_past_the_last_slide_stays_on_it_and_counts_as_a_move(session):
    now = utcnow()
    started = presentations.start(session, "mat-khau", 6, now)

    moved = presentations.move(session, started.id, 99, True, now)

    assert (moved.at, moved.blank, moved.seq) == (5, True, 1)


def test_a_session_untouched_for_twelve_hours_is_gone(session):
    then = utcnow() - timedelta(hours=13)
    old = presentations.start(session, "mat-khau", 6, then)

    now = utcnow()

    assert presentations.join(session, old.code, now) is None
    assert presentations.move(session, old.id, 1, False, now) is None


def test_looking_keeps_a_session_alive(session):
    then = utcnow() - timedelta(hours=11)
    kept = presentations.start(session, "mat-khau", 6, then)

    presentations.current(session, kept.id, utcnow())

    assert presentations.join(session, kept.code, utcnow() + timedelta(hours=2)) is not None
