"""Villages (thôn, bản) a team works in, and each village's targets for a year.

Tables: `villages` (team_id, name, active: a retired village keeps its visits but leaves
the log's list) and `village_targets` (village_id, year, indicator: `nguoi-dan`,
`ho-gia-dinh` or an outcome key from lessons/outcomes.yaml, target: a whole number).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from trainer.models.base import Base, utcnow
from trainer.models.travelling import Travelling

if TYPE_CHECKING:
    from trainer.models.team import Team


class Village(Travelling, Base):
    __tablename__ = "villages"
    __table_args__ = (sa.UniqueConstraint("team_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    team_id: Mapped[int] = mapped_column(sa.ForeignKey("teams.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(sa.String(120))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    team: Mapped[Team] = relationship()


class VillageTarget(Travelling, Base):
    __tablename__ = "village_targets"
    __table_args__ = (
        sa.UniqueConstraint("village_id", "year", "indicator"),
        sa.CheckConstraint("target >= 0", name="target"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    village_id: Mapped[int] = mapped_column(sa.ForeignKey("villages.id", ondelete="CASCADE"))
    year: Mapped[int]
    indicator: Mapped[str] = mapped_column(sa.String(60))
    target: Mapped[int]

    village: Mapped[Village] = relationship()
