"""Helpers for visit log tests: the test content's outcomes, certificates, typed entries."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.factories import DATA
from trainer.content.outcomes import read_outcomes
from trainer.models import Certificate
from trainer.services.certification.certificates import new_code
from trainer.services.field.visit_entry import VisitEntry

TOPICS = {"an-toan": "An toàn trên mạng", "nong-nghiep": "Nông nghiệp"}


def content_outcomes():
    outcomes, problems = read_outcomes(DATA, set(TOPICS))
    assert problems == []
    return outcomes


def certify(session, user, topic: str = "an-toan", at: datetime | None = None, **changes):
    """A committed certificate for user in topic, issued at `at`, valid a year."""
    at = at or datetime.now().astimezone()
    certificate = Certificate(
        user_id=user.id,
        topic=topic,
        code=new_code(),
        issued_at=at,
        expires_at=at + timedelta(days=365),
        **changes,
    )
    session.add(certificate)
    session.commit()
    return certificate


def entry(place, **changes) -> VisitEntry:
    """What a filled-in form sends: 10 Nov 2026, 3 residents in 2 households, one topic."""
    fields = {
        "visited_on": "2026-11-10",
        "village": str(place.id),
        "residents": "3",
        "households": "2",
        "topics": ("an-toan",),
        "outcomes": {"mat-khau-an-toan": "2"},
        "client_key": "",
        **changes,
    }
    return VisitEntry(**fields)
