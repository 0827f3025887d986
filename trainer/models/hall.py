"""At the culture house: a projector's session and a class quiz answered on phones.

Both live in the database, so a presenter's phone, the projector and the hall's phones may
each reach a different server process or machine and still see one state.

Table `presentations`: code (6 digits, shown on the projector; unique while kept), joinable
(the code still lets a phone join; used up when one does, until the laptop asks for a new
one), lesson slug, slides (how many), at (0-based slide shown), blank, seq (counts moves),
presenters (how many devices joined by the code, besides the one that opened it),
opened_from (the address of the laptop that opened it, to bound how many one address
keeps), started_at, touched_at (the last move or look; kept 12 hours after it).

Table `class_quizzes`: code (6 digits for phones to join), topic, items (JSON list of the
practice items asked, in order, each {"id": item id, "shown": [original choice at each
shown position]}), number (0 = phones joining, n = question n), revealed
(answer shown for question n), seq (counts changes), opened_from, started_at, touched_at.

Table `class_phones`: one per phone that joined a class quiz: quiz_id, player (the phone's
random id), address (where it joined from, to bound phones per address), joined_at. Goes
with its quiz.

Table `class_answers`: one per phone per question: quiz_id, number, item_id, player (a
random id kept in the phone's cookie), user_id (a signed-in member, else NULL), choices
(JSON list of the item's original choice indexes given, in order), right, answered_at.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from trainer.models.base import Base, utcnow


class Presentation(Base):
    __tablename__ = "presentations"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(8), unique=True)
    joinable: Mapped[bool] = mapped_column(default=True, server_default=sa.true())
    lesson_slug: Mapped[str] = mapped_column(sa.String(120))
    slides: Mapped[int]
    at: Mapped[int] = mapped_column(default=0)
    blank: Mapped[bool] = mapped_column(default=False)
    seq: Mapped[int] = mapped_column(default=0)
    presenters: Mapped[int] = mapped_column(default=0)
    opened_from: Mapped[str | None] = mapped_column(sa.String(45), index=True)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    touched_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class ClassQuiz(Base):
    __tablename__ = "class_quizzes"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(sa.String(8), unique=True)
    topic: Mapped[str] = mapped_column(sa.String(120))
    items: Mapped[list[dict]] = mapped_column(sa.JSON)
    number: Mapped[int] = mapped_column(default=0)
    revealed: Mapped[bool] = mapped_column(default=False)
    seq: Mapped[int] = mapped_column(default=0)
    opened_from: Mapped[str | None] = mapped_column(sa.String(45), index=True)
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    touched_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)


class ClassPhone(Base):
    __tablename__ = "class_phones"
    __table_args__ = (sa.UniqueConstraint("quiz_id", "player"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(sa.ForeignKey("class_quizzes.id", ondelete="CASCADE"))
    player: Mapped[str] = mapped_column(sa.String(32))
    address: Mapped[str] = mapped_column(sa.String(45))
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)


class ClassAnswer(Base):
    __tablename__ = "class_answers"
    __table_args__ = (sa.UniqueConstraint("quiz_id", "number", "player"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    quiz_id: Mapped[int] = mapped_column(sa.ForeignKey("class_quizzes.id", ondelete="CASCADE"))
    number: Mapped[int]
    item_id: Mapped[str] = mapped_column(sa.String(64))
    player: Mapped[str] = mapped_column(sa.String(32))
    user_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    choices: Mapped[list[int]] = mapped_column(sa.JSON)
    right: Mapped[bool]
    answered_at: Mapped[datetime] = mapped_column(default=utcnow)
