"""What this browser holds at the hall: the projector sessions and class quizzes it opened
or joined. Kept in the signed session cookie, so a second window of the same laptop holds
them too and every server with the same secret key knows it. The newest few of each.
"""

from __future__ import annotations

from flask import session

KEPT = 6


def remember(kind: str, row_id: int) -> None:
    ids = [i for i in session.get(kind, []) if i != row_id]
    session[kind] = [*ids, row_id][-KEPT:]


def holds(kind: str, row_id: int) -> bool:
    return row_id in session.get(kind, [])


def newest_first(kind: str) -> list[int]:
    return list(reversed(session.get(kind, [])))
