"""The people and places of the visit log tests: a team with two villages, a certified
member, one who is not, their instructor, an admin, and a clock on 12 November 2026."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from tests.factories import make_team, make_user
from tests.services.certification_clock import Clock
from tests.services.visit_entries import certify
from trainer.services.field import villages

NOW = datetime(2026, 11, 12, 3, 0, tzinfo=UTC)


@dataclass
class Door:
    team: object
    che_can: object
    bua: object
    lan: object  # certified in an-toan since June
    pao: object  # not certified
    mai: object  # the team's instructor
    admin: object
    clock: Clock


def door(session, monkeypatch) -> Door:
    clock = Clock(monkeypatch, NOW)
    team = make_team(session)
    che_can = villages.add_village(session, team.id, "Bản Che Căn")
    bua = villages.add_village(session, team.id, "Bản Bua")
    lan = make_user(session, "Lò Thị Lan", "lan", team=team)
    certify(session, lan, at=datetime(2026, 6, 1, tzinfo=UTC))
    pao = make_user(session, "Lò Văn Páo", "pao", team=team)
    mai = make_user(session, "Giảng viên Mai", "mai", role="instructor", manages=[team])
    admin = make_user(session, "Quản trị An", "quantri", role="admin")
    return Door(team, che_can, bua, lan, pao, mai, admin, clock)


def visit_form(village, **changes) -> dict:
    """What the log form sends for 10 Nov 2026: 3 residents, 2 households, one outcome."""
    return {
        "ngay": "2026-11-10",
        "thon": str(village.id),
        "so_nguoi": "3",
        "so_ho": "2",
        "chu_de": ["an-toan"],
        "ket_qua": ["mat-khau-an-toan"],
        "so_mat-khau-an-toan": "2",
        **changes,
    }
