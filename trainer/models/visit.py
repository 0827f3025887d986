"""The visit log: what a member did at residents' doors, as counts and ticks only.

Table `visits`: user_id (the member), village_id, visited_on (the day, Vietnam time),
residents and households guided, topics (JSON list of topic slugs guided), outcomes (JSON:
outcome key -> how many), client_key (unique: a form sent twice, or replayed by the phone
after being offline, is stored once), created_at, updated_at. Never a resident's name,
ID number or phone number.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from trainer.models.base import Base, utcnow
from trainer.models.travelling import Travelling

if TYPE_CHECKING:
    from trainer.models.user import User
    from trainer.models.village import Village


class Visit(Travelling, Base):
    __tablename__ = "visits"
    __table_args__ = (
        sa.Index("ix_visits_user_day", "user_id", "visited_on"),
        sa.Index("ix_visits_village_day", "village_id", "visited_on"),
        sa.CheckConstraint("residents >= 1 AND households >= 1", name="counts"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    village_id: Mapped[int] = mapped_column(sa.ForeignKey("villages.id"))
    visited_on: Mapped[date]
    residents: Mapped[int]
    households: Mapped[int]
    topics: Mapped[list[str]] = mapped_column(sa.JSON)
    outcomes: Mapped[dict[str, int]] = mapped_column(sa.JSON)
    client_key: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime | None]

    user: Mapped[User | None] = relationship()
    village: Mapped[Village] = relationship()
