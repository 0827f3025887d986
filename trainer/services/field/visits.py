"""The visit log: a member records what they guided at residents' doors; counts only.

A member logs only topics they hold a valid certificate for on the day of the visit, in
one of their team's villages, and may change an entry for EDIT_DAYS after making it.
An entry sent twice with the same client key (a double tap, or the phone replaying what
it queued offline) is stored once.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from trainer.content.outcomes import Outcomes
from trainer.database import begin_write
from trainer.models import Certificate, User, Village, Visit
from trainer.services.common import clock
from trainer.services.field.visit_entry import CheckedEntry, VisitEntry, VisitError, check_entry

EDIT_DAYS = 7


def record(
    session: Session,
    user_id: int,
    entry: VisitEntry,
    outcomes: Outcomes,
    topics: Mapping[str, str],
) -> Visit:
    """Store a new entry and commit; the one already stored if its client key was seen.

    :raises VisitError: naming every field that is wrong.
    """
    now = clock.now()
    checked = check_entry(entry, outcomes, topics, clock.local_day(now))
    begin_write(session)
    existing = _by_key(session, checked.client_key)
    if existing is not None:
        return _same_member(session, existing, user_id)
    _check_allowed(session, user_id, checked, topics)
    visit = Visit(user_id=user_id, client_key=checked.client_key, created_at=now)
    _fill(visit, checked)
    session.add(visit)
    try:
        session.commit()
    except IntegrityError:  # the same key sent at the same moment by another process
        session.rollback()
        return _same_member(session, _by_key(session, checked.client_key), user_id)
    return visit


def update(
    session: Session,
    user_id: int,
    visit_id: int,
    entry: VisitEntry,
    outcomes: Outcomes,
    topics: Mapping[str, str],
) -> Visit:
    """Change one of the member's own entries made in the last EDIT_DAYS, and commit.

    :raises VisitError: the entry is not theirs, is too old, or a field is wrong.
    """
    now = clock.now()
    checked = check_entry(entry, outcomes, topics, clock.local_day(now))
    begin_write(session)
    visit = session.get(Visit, visit_id)
    if visit is None or visit.user_id != user_id:
        raise VisitError({"visit": "Không tìm thấy buổi hướng dẫn này trong nhật ký của bạn."})
    if not editable(visit, now):
        raise VisitError({"visit": f"Chỉ sửa được trong {EDIT_DAYS} ngày sau khi ghi."})
    _check_allowed(session, user_id, checked, topics)
    _fill(visit, checked)
    visit.updated_at = now
    session.commit()
    return visit


def editable(visit: Visit, now: datetime | None = None) -> bool:
    """True while the member may still change the entry."""
    return (now or clock.now()) - visit.created_at <= timedelta(days=EDIT_DAYS)


def cleared_topics(
    session: Session, user_id: int, topics: Iterable[str], on: date | None = None
) -> list[str]:
    """The topics (in the order given) the member holds a valid certificate for on a day."""
    start, end = _day_bounds(on or clock.local_day(clock.now()))
    held = set(
        session.scalars(
            sa.select(Certificate.topic).where(
                Certificate.user_id == user_id,
                Certificate.revoked_at.is_(None),
                Certificate.issued_at < end,
                Certificate.expires_at > start,
            )
        )
    )
    return [topic for topic in topics if topic in held]


def visits_of(session: Session, user_ids: Iterable[int], start: date, end: date) -> list[Visit]:
    """The members' entries with visited_on in [start, end), newest first."""
    return list(
        session.scalars(
            sa.select(Visit)
            .where(
                Visit.user_id.in_(list(user_ids)),
                Visit.visited_on >= start,
                Visit.visited_on < end,
            )
            .order_by(Visit.visited_on.desc(), Visit.id.desc())
        )
    )


def counts_by_member(
    session: Session, user_ids: Iterable[int], start: date, end: date
) -> dict[int, int]:
    """How many entries each member has with visited_on in [start, end)."""
    rows = session.execute(
        sa.select(Visit.user_id, sa.func.count())
        .where(
            Visit.user_id.in_(list(user_ids)),
            Visit.visited_on >= start,
            Visit.visited_on < end,
        )
        .group_by(Visit.user_id)
    )
    return {user_id: count for user_id, count in rows}


def _check_allowed(
    session: Session, user_id: int, checked: CheckedEntry, topics: Mapping[str, str]
) -> None:
    errors = {}
    user = session.get(User, user_id)
    village = session.get(Village, checked.village_id)
    if user is None or village is None or not village.active or village.team_id != user.team_id:
        errors["village"] = "Hãy chọn một thôn, bản trong danh sách của tổ bạn."
    cleared = cleared_topics(session, user_id, checked.topics, checked.visited_on)
    missing = [topics[slug] for slug in checked.topics if slug not in cleared]
    if missing:
        errors["topics"] = (
            f"Bạn chưa được hướng dẫn “{'”, “'.join(missing)}”: cần giấy chứng nhận còn hiệu "
            "lực vào ngày đó. Hãy học và làm bài kiểm tra trước."
        )
    if errors:
        session.rollback()
        raise VisitError(errors)


def _fill(visit: Visit, checked: CheckedEntry) -> None:
    visit.visited_on = checked.visited_on
    visit.village_id = checked.village_id
    visit.residents = checked.residents
    visit.households = checked.households
    visit.topics = list(checked.topics)
    visit.outcomes = dict(checked.outcomes)


def _by_key(session: Session, key: str) -> Visit | None:
    return session.scalar(sa.select(Visit).where(Visit.client_key == key))


def _same_member(session: Session, visit: Visit | None, user_id: int) -> Visit:
    if visit is None or visit.user_id != user_id:
        session.rollback()
        raise VisitError({"visit": "Không lưu được; hãy tải lại trang rồi gửi lại."})
    session.commit()  # nothing changed: end the write transaction
    return visit


def _day_bounds(day: date) -> tuple[datetime, datetime]:
    start = datetime.combine(day, time.min, clock.VIETNAM)
    return start, start + timedelta(days=1)
