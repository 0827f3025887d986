"""A class quiz the hall answers on its phones, counted live on the projector.

Practice items only: the caller passes a bank's practice items, never the ones a
certification draw can contain. Each item's choices are shuffled once for the whole hall,
so the projector and every phone show the same letters. Phones join by a 6-digit code
with no account; each answers a question once, while it is open (before the answer is
shown). A signed-in member's answers are kept with their account for their own page.

Anyone on the hall's Wi-Fi can reach these pages, so everything a visitor can add is
bounded: OPEN_PER_ADDRESS quizzes started from one address, PHONES phones in one quiz and
PHONES_PER_ADDRESS of them from one address, one answer per phone and question.
"""

from __future__ import annotations

import dataclasses
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session

from trainer.content.model import Item, Quiz
from trainer.database import begin_write
from trainer.models import ClassAnswer, ClassPhone, ClassQuiz
from trainer.services.certification import grading
from trainer.services.certification.grading import Drawn
from trainer.services.hall.hall_codes import (
    alive,
    claim_code,
    typed,
)

PHONES = 300  # phones one class quiz takes: a full culture house
PHONES_PER_ADDRESS = 60  # of them from one address (a hotspot some phones share)


@dataclass(frozen=True)
class State:
    id: int
    code: str
    topic: str
    asked: tuple[Drawn, ...]
    number: int  # 0: phones joining; 1..total: that question; total + 1: finished
    revealed: bool
    seq: int

    @property
    def total(self) -> int:
        return len(self.asked)

    @property
    def open(self) -> bool:
        """Phones may answer the current question."""
        return 1 <= self.number <= self.total and not self.revealed

    @property
    def current(self) -> Drawn | None:
        return self.asked[self.number - 1] if 1 <= self.number <= self.total else None

    def as_json(self) -> dict:
        return {"number": self.number, "revealed": self.revealed, "seq": self.seq}


@dataclass(frozen=True)
class Tally:
    answered: int
    per_choice: tuple[int, ...]  # how many gave each shown position (ticked, for multiple)
    right: int
    joined: int = 0  # phones in the quiz


def _state(row: ClassQuiz) -> State:
    asked = tuple(Drawn.from_json(entry) for entry in row.items)
    return State(row.id, row.code, row.topic, asked, row.number, row.revealed, row.seq)


def start(
    session: Session,
    topic: str,
    items: Sequence[Item],
    now: datetime,
    rng=None,
    address: str = "",
) -> State:
    """A new class quiz over items, in their order, choices shuffled; phones may join.

    :raises TooManyOpen: when address already keeps OPEN_PER_ADDRESS class quizzes.
    :raises CodesUsedUp: when no code is free (the write lock is let go first).
    """
    rng = rng or random.SystemRandom()
    asked = [Drawn(item.id, grading.shuffled(item, rng)).to_json() for item in items]
    code = claim_code(session, ClassQuiz, address, now)
    row = ClassQuiz(
        code=code,
        topic=topic,
        items=asked,
        opened_from=address,
        started_at=now,
        touched_at=now,
    )
    session.add(row)
    session.commit()
    return _state(row)


def find(session: Session, code: str, now: datetime) -> State | None:
    """The kept class quiz with this code, if there is one."""
    row = session.scalar(sa.select(ClassQuiz).where(ClassQuiz.code == typed(code)))
    return _state(row) if row is not None and alive(row.touched_at, now) else None


def status(session: Session, code: str, now: datetime) -> dict | None:
    """Just what a phone asks every second or two (number, revealed, seq): four columns."""
    found = session.execute(
        sa.select(ClassQuiz.number, ClassQuiz.revealed, ClassQuiz.seq, ClassQuiz.touched_at).where(
            ClassQuiz.code == typed(code)
        )
    ).first()
    if found is None or not alive(found.touched_at, now):
        return None
    return {"number": found.number, "revealed": found.revealed, "seq": found.seq}


def current(session: Session, quiz_id: int, now: datetime) -> State | None:
    """Where a kept class quiz is now; what every phone asks every second or two."""
    row = session.get(ClassQuiz, quiz_id)
    return _state(row) if row is not None and alive(row.touched_at, now) else None


def step(session: Session, quiz_id: int, action: str, now: datetime) -> State | None:
    """The instructor's "next" (the next question, its answer hidden) or "reveal"."""
    begin_write(session)
    row = session.get(ClassQuiz, quiz_id)
    if row is None or not alive(row.touched_at, now):
        session.rollback()
        return None
    if action == "reveal" and 1 <= row.number <= len(row.items):
        row.revealed = True
    elif action == "next" and row.number <= len(row.items):
        row.number, row.revealed = row.number + 1, False
    row.seq += 1
    row.touched_at = now
    session.commit()
    return _state(row)


def answer(
    session: Session,
    quiz: Quiz,
    state: State,
    player: str,
    user_id: int | None,
    positions: Sequence[int],
    now: datetime,
    address: str = "",
) -> str:
    """Keep one phone's answer to the open question, given as shown positions.

    "kept"; "again" when this phone already answered it; "closed" when the question is no
    longer open (the answer shown, or the next question asked); "bad" for positions the
    question does not show; "full" when the phone could not join (see `join_phone`).
    """
    begin_write(session)
    if _joined(session, state.id, player, address, now) != "in":
        session.rollback()
        return "full"
    number = session.scalar(
        sa.select(ClassQuiz.number).where(
            ClassQuiz.id == state.id, ClassQuiz.number == state.number, ~ClassQuiz.revealed
        )
    )
    entry = state.current
    if number is None or entry is None:
        session.rollback()
        return "closed"
    if not positions or any(not 0 <= p < len(entry.shown) for p in positions):
        session.rollback()
        return "bad"
    if session.scalar(
        sa.select(ClassAnswer.id).where(
            ClassAnswer.quiz_id == state.id,
            ClassAnswer.number == number,
            ClassAnswer.player == player,
        )
    ):
        session.rollback()
        return "again"
    marked = grading.grade(_only(quiz, entry.item_id), [entry], {entry.item_id: positions})
    given = marked.marked[0].given if marked.marked else ()
    session.add(
        ClassAnswer(
            quiz_id=state.id,
            number=number,
            item_id=entry.item_id,
            player=player,
            user_id=user_id,
            choices=list(given),
            right=marked.right == 1,
            answered_at=now,
        )
    )
    session.commit()
    return "kept"


def join_phone(session: Session, state: State, player: str, address: str, now: datetime) -> str:
    """Let a phone into the quiz, once; commits. "in", or "full" (PHONES phones are in) or
    "address" (PHONES_PER_ADDRESS phones are in from this address)."""
    if session.scalar(_phone(state.id, player)) is not None:
        return "in"
    begin_write(session)
    outcome = _joined(session, state.id, player, address, now)
    session.commit()
    return outcome


def _phone(quiz_id: int, player: str):
    return sa.select(ClassPhone.id).where(
        ClassPhone.quiz_id == quiz_id, ClassPhone.player == player
    )


def _joined(session: Session, quiz_id: int, player: str, address: str, now: datetime) -> str:
    """As `join_phone`, inside the caller's write transaction; adds the phone if there is room."""
    if session.scalar(_phone(quiz_id, player)) is not None:
        return "in"
    counted = (
        sa.select(sa.func.count()).select_from(ClassPhone).where(ClassPhone.quiz_id == quiz_id)
    )
    if session.scalar(counted) >= PHONES:
        return "full"
    if session.scalar(counted.where(ClassPhone.address == address)) >= PHONES_PER_ADDRESS:
        return "address"
    session.add(ClassPhone(quiz_id=quiz_id, player=player, address=address, joined_at=now))
    session.flush()
    return "in"


def joined(session: Session, quiz_id: int) -> int:
    """How many phones joined the quiz."""
    return session.scalar(
        sa.select(sa.func.count()).select_from(ClassPhone).where(ClassPhone.quiz_id == quiz_id)
    )


def _only(quiz: Quiz, item_id: str) -> Quiz:
    found = [item for item in quiz.practice if item.id == item_id]
    return dataclasses.replace(quiz, items=tuple(found))


def tally(session: Session, state: State) -> Tally:
    """How many phones answered the current question, per shown position, and how many right."""
    entry = state.current
    phones = joined(session, state.id)
    if entry is None:
        return Tally(0, (), 0, phones)
    rows = session.execute(
        sa.select(ClassAnswer.choices, ClassAnswer.right).where(
            ClassAnswer.quiz_id == state.id, ClassAnswer.number == state.number
        )
    ).all()
    position_of = {original: shown for shown, original in enumerate(entry.shown)}
    counted = Counter(
        position_of[c] for choices, _ in rows for c in set(choices) if c in position_of
    )
    per_choice = tuple(counted[p] for p in range(len(entry.shown)))
    return Tally(len(rows), per_choice, sum(right for _, right in rows), phones)


def given_by(session: Session, state: State, player: str) -> ClassAnswer | None:
    """This phone's answer to the current question, if it gave one."""
    return session.scalar(
        sa.select(ClassAnswer).where(
            ClassAnswer.quiz_id == state.id,
            ClassAnswer.number == state.number,
            ClassAnswer.player == player,
        )
    )


def answers_of(session: Session, user_id: int) -> list[tuple[ClassAnswer, str]]:
    """A member's class-quiz answers, newest first, each with its quiz's topic."""
    return list(
        session.execute(
            sa.select(ClassAnswer, ClassQuiz.topic)
            .join(ClassQuiz, ClassQuiz.id == ClassAnswer.quiz_id)
            .where(ClassAnswer.user_id == user_id)
            .order_by(ClassAnswer.answered_at.desc(), ClassAnswer.id.desc())
        )
    )
