"""Failed sign-ins, kept in the database so the limit holds across every app process.

Table `login_failures`: login_name (what was typed, normalised), address (client IP), at.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from trainer.models.base import Base, utcnow


class LoginFailure(Base):
    __tablename__ = "login_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    login_name: Mapped[str] = mapped_column(sa.String(64), index=True)
    address: Mapped[str] = mapped_column(sa.String(64), index=True)
    at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
