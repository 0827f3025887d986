"""Every service that writes takes the write lock before it reads, and lets go of it after.

The app's engine logs every statement; a transaction that writes must have begun with
BEGIN IMMEDIATE (SQLite's write lock, taken by begin_write), no password may be hashed or
checked while it is held, and none may still be open when the service returns or raises.
A guard test fails when a new service that commits is not exercised here.
"""

from __future__ import annotations

import contextlib
import importlib
import inspect
import pkgutil
from collections import Counter
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
import sqlalchemy as sa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

import trainer.services
from tests.factories import PASSWORD, make_team, make_user
from tests.services.certification_clock import right_answers
from tests.services.listening.test_shared_voices import voice
from tests.services.visit_entries import content_outcomes, entry
from trainer.content.quizzes import read_quiz
from trainer.extensions import db
from trainer.models import Certificate, Presentation, Team
from trainer.services.certification import attempts, certificates, signing_keys
from trainer.services.common import clock, throttle
from trainer.services.field import targets, villages, visits
from trainer.services.field.targets_import import import_targets
from trainer.services.hall import hall_codes, live_quiz, presentations
from trainer.services.listening import plays, shared_voices
from trainer.services.members import (
    accounts,
    joining,
    member_import,
    passwords,
    people,
    progress,
    sign_in,
    sign_in_sessions,
    teams,
)
from trainer.services.records import intake, outbox, pack_format, servers

MEMBERS_CSV = "ho_ten,ten_dang_nhap,to\nCà Văn Sơn,son.ca,Tổ CNSCĐ-Xã Mường Phăng\n"
TEAMS_CSV = "ten_to,xa_phuong\nTổ CNSCĐ-Xã Nà Tấu,Xã Nà Tấu\n"
LIMITS = throttle.Limits()


def _revoke_twice(s, w):
    certificates.revoke(s, w.code, "Cấp nhầm", w.admin)
    certificates.revoke(s, w.code, "Cấp nhầm", w.admin)


def _submit(s, w):
    attempt = attempts.start(s, w.member, w.quiz)
    answers = right_answers(w.quiz, attempt)
    attempts.submit(s, w.member, attempt.token, w.quiz, answers)


def _practice():
    """The test bank's practice items, which a live class quiz plays."""
    bank = Path(__file__).parents[1] / "data" / "content" / "quizzes" / "an-toan.yaml"
    return read_quiz(bank, bank)[0].practice


def _answer_live(s):
    quiz = read_quiz(*[Path(__file__).parents[1] / "data/content/quizzes/an-toan.yaml"] * 2)[0]
    state = live_quiz.start(s, "an-toan", quiz.practice, clock.now())
    state = live_quiz.step(s, state.id, "next", clock.now())
    return live_quiz.answer(s, quiz, state, "telefon-1", None, [0], clock.now())


def _village(s, w):
    return villages.add_village(s, w.team, "Bản Che Căn")


def _team_name(s, w) -> str:
    return s.get(Team, w.team).name


def _holder(s, w) -> int:
    return s.scalar(sa.select(Certificate.user_id).where(Certificate.code == w.code))


def _visit_content():
    return content_outcomes(), {"an-toan": "An toàn trên mạng"}


def _entry(s, w, **changes):
    place = _village(s, w)
    return entry(place, visited_on=clock.now().date().isoformat(), **changes)


def _visit(s, w):
    return visits.record(s, _holder(s, w), _entry(s, w), *_visit_content())


def _registered_key(s):
    key = Ed25519PrivateKey.generate()
    servers.register(s, "Xã Thanh Nưa", signing_keys.public_pem(key.public_key()))
    return key


def _take_pack(s, w):
    key = _registered_key(s)
    records = outbox.pending(s, "SHA256:TINH", clock.now())
    return intake.take(s, pack_format.make(records, key, clock.now()))


# name -> what it calls; errors the services raise on purpose are expected and fine.
CALLS = {
    "joining.register (name taken)": lambda s, w: joining.register(
        s, "Lò Thị Lan", "lan.lo", "mot-mat-khau-dai", team_id=w.team
    ),
    "accounts.create_user": lambda s, w: accounts.create_user(
        s, "Đỗ Văn Nam", "nam.do", "mot-mat-khau-dai", "instructor", ["Tổ CNSCĐ-Xã Mường Phăng"]
    ),
    "accounts.set_role": lambda s, w: accounts.set_role(s, w.member, "instructor"),
    "accounts.set_active": lambda s, w: accounts.set_active(s, w.member, False),
    "accounts.reset_password": lambda s, w: accounts.reset_password(s, w.member),
    "accounts.change_password": lambda s, w: accounts.change_password(
        s, w.member, PASSWORD, "mot-mat-khau-moi"
    ),
    "joining.register": lambda s, w: joining.register(
        s, "Lò Văn Minh", "minh.lo", "mot-mat-khau-dai", team_id=w.team
    ),
    "joining.register (with a code)": lambda s, w: joining.register(
        s, "Lò Văn Minh", "minh.lo", "mot-mat-khau-dai", join_code=w.join_code
    ),
    "joining.renew_code": lambda s, w: joining.renew_code(s, w.team),
    "joining.approve": lambda s, w: joining.approve(s, w.team, w.pending),
    "joining.decline": lambda s, w: joining.decline(s, w.team, w.pending),
    "people.assign_instructor": lambda s, w: people.assign_instructor(
        s, w.other_team, w.instructor
    ),
    "people.unassign_instructor": lambda s, w: people.unassign_instructor(s, w.team, w.instructor),
    "people.move_to_team": lambda s, w: people.move_to_team(s, w.member, w.other_team),
    "teams.create_team": lambda s, w: teams.create_team(s, "Tổ Mới", "Xã Mới", "", ""),
    "teams.create_team (name taken)": lambda s, w: teams.create_team(
        s, "Tổ CNSCĐ-Xã Mường Phăng", "Xã Mường Phăng", "", ""
    ),
    "member_import.import_teams": lambda s, w: member_import.import_teams(s, TEAMS_CSV.encode()),
    "member_import.import_members": lambda s, w: member_import.import_members(
        s, MEMBERS_CSV.encode()
    ),
    "attempts.start": lambda s, w: attempts.start(s, w.member, w.quiz),
    "attempts.submit": _submit,
    "certificates.revoke": _revoke_twice,
    "certificates.record_demonstration": lambda s, w: certificates.record_demonstration(
        s, w.code, w.instructor
    ),
    "plays.count_play": lambda s, w: plays.count_play(s, "mat-khau", "vi", 1, clock.now()),
    "progress.record_opened": lambda s, w: progress.record_opened(
        s, w.member, "mat-khau", "vi", clock.now()
    ),
    "progress.record_step": lambda s, w: progress.record_step(
        s, w.member, "mat-khau", "vi", 2, clock.now()
    ),
    "progress.record_finished": lambda s, w: progress.record_finished(
        s, w.member, "mat-khau", "vi", 3, clock.now()
    ),
    "throttle.record_failure": lambda s, w: throttle.record_failure(
        s, "lan.lo", "10.0.0.9", clock.now()
    ),
    "throttle.record_action": lambda s, w: throttle.record_action(
        s, throttle.Rate("dang-ky", 20, timedelta(hours=1)), "10.0.0.9", clock.now()
    ),
    "throttle.clear": lambda s, w: [
        throttle.record_failure(s, "lan.lo", "10.0.0.9", clock.now()),
        throttle.clear(s, "lan.lo", "10.0.0.9"),
    ],
    "sign_in_sessions.end_all": lambda s, w: sign_in_sessions.end_all(s, w.member),
    "sign_in.sign_in": lambda s, w: [
        sign_in.sign_in(s, "lan.lo", password, "10.0.0.9", clock.now(), LIMITS)
        for password in ("sai-mat-khau", PASSWORD)
    ],
    "villages.add_village": lambda s, w: villages.add_village(s, w.team, "Bản Che Căn"),
    "villages.retire_village": lambda s, w: villages.retire_village(
        s, w.team, villages.add_village(s, w.team, "Bản Bua").id
    ),
    "targets.set_targets": lambda s, w: targets.set_targets(
        s, _village(s, w).id, 2026, {"nguoi-dan": "300"}, ["nguoi-dan"]
    ),
    "targets.set_team_targets": lambda s, w: targets.set_team_targets(
        s, w.team, 2026, {(_village(s, w).id, "nguoi-dan"): "300"}, ["nguoi-dan"]
    ),
    "targets_import.import_targets": lambda s, w: import_targets(
        s,
        f"to;thon_ban;nam;nguoi_dan\n{_team_name(s, w)};Bản Che Căn;2026;300\n".encode(),
        targets.indicators(content_outcomes()),
    ),
    "visits.record": lambda s, w: _visit(s, w),
    "visits.update": lambda s, w: visits.update(
        s, _holder(s, w), _visit(s, w).id, _entry(s, w, residents="4"), *_visit_content()
    ),
    "shared_voices.store": lambda s, w: shared_voices.store(
        s, w.lesson, 1, voice(1.0), ".mp3", clock.now()
    ),
    "presentations.start": lambda s, w: presentations.start(s, "mat-khau", 4, clock.now()),
    "presentations.join": lambda s, w: presentations.join(
        s, presentations.start(s, "mat-khau", 4, clock.now()).code, clock.now()
    ),
    "presentations.current": lambda s, w: presentations.current(
        s, presentations.start(s, "mat-khau", 4, clock.now()).id, clock.now()
    ),
    "presentations.move": lambda s, w: presentations.move(
        s, presentations.start(s, "mat-khau", 4, clock.now()).id, 1, False, clock.now()
    ),
    "live_quiz.start": lambda s, w: live_quiz.start(s, "an-toan", _practice(), clock.now()),
    "live_quiz.step": lambda s, w: live_quiz.step(
        s, live_quiz.start(s, "an-toan", _practice(), clock.now()).id, "next", clock.now()
    ),
    "live_quiz.answer": lambda s, w: _answer_live(s),
    "live_quiz.join_phone": lambda s, w: live_quiz.join_phone(
        s,
        live_quiz.start(s, "an-toan", _practice(), clock.now()),
        "telefon-1",
        "10.0.0.9",
        clock.now(),
    ),  # fmt: skip
    "hall_codes.claim_code": lambda s, w: (
        hall_codes.claim_code(s, Presentation, "10.0.0.9", clock.now()),
        s.commit(),
    ),
    "presentations.renew_code": lambda s, w: presentations.renew_code(
        s,
        presentations.join(
            s, presentations.start(s, "mat-khau", 4, clock.now()).code, clock.now()
        ).id,
        clock.now(),
    ),  # fmt: skip
    "plays.write_plays": lambda s, w: plays.write_plays(
        s, Counter({("mat-khau", "vi", 1): 3, ("mat-khau", "vi", 2): 1}), clock.now()
    ),
    "throttle.record_wrong_code": lambda s, w: throttle.record_wrong_code(
        s, "10.0.0.9", clock.now()
    ),
    "outbox.pending": lambda s, w: outbox.pending(s, "SHA256:XA", clock.now()),
    "outbox.acknowledge": lambda s, w: outbox.acknowledge(
        s, outbox.pending(s, "SHA256:XA", clock.now())
    ),
    "servers.register": lambda s, w: _registered_key(s),
    "intake.take": _take_pack,
}


@pytest.fixture
def world(app, session):
    """A team with a member, an instructor, an admin and a certificate the member holds."""
    team = make_team(session)
    other = make_team(session, "Tổ CNSCĐ-Xã Thanh Nưa", "Xã Thanh Nưa")
    member = make_user(session, "Lò Thị Lan", "lan.lo", team=team)
    instructor = make_user(session, "Cầm Văn Hòa", role="instructor", manages=[team])
    admin = make_user(session, "Quản Trị", role="admin")
    quiz = app.extensions["catalog"].quizzes["an-toan"]
    holder = make_user(session, "Lò Văn Páo", team=team)
    pending = make_user(session, "Người Lạ", team=team)
    pending.pending = True
    session.commit()
    with db.sessionmaker(app)() as own:
        attempt = attempts.start(own, holder.id, quiz)
        code = attempts.submit(own, holder.id, attempt.token, quiz, right_answers(quiz, attempt))[
            2
        ].code
    return SimpleNamespace(
        team=team.id,
        other_team=other.id,
        member=member.id,
        instructor=instructor.id,
        admin=admin.id,
        quiz=quiz,
        code=code,
        pending=pending.id,
        join_code=team.join_code,
        lesson=app.extensions["catalog"].lesson("mat-khau"),
    )


@pytest.fixture
def statements(app, monkeypatch):
    """Every statement the app's engine runs, with COMMIT, ROLLBACK and SLOW (a password
    hashed or checked), in order."""
    log: list[str] = []
    engine = db.engine(app)
    for name in ("hash_password", "matches"):
        slow = getattr(passwords, name)
        monkeypatch.setattr(passwords, name, lambda *a, slow=slow: log.append("SLOW") or slow(*a))

    def executed(conn, cursor, statement, *args):
        log.append(" ".join(statement.split()).upper())

    def ended(word):
        return lambda conn: log.append(word)

    listeners = [
        ("before_cursor_execute", executed),
        ("commit", ended("COMMIT")),
        ("rollback", ended("ROLLBACK")),
    ]
    for name, listener in listeners:
        sa.event.listen(engine, name, listener)
    yield log
    for name, listener in listeners:
        sa.event.remove(engine, name, listener)


def unlocked_writes(log: list[str]) -> list[str]:
    """Writes in transactions that did not begin with the write lock, slow work inside it,
    and locks left open."""
    wrong, opened = [], None
    for statement in log:
        if statement.startswith("BEGIN"):
            opened = statement
        elif statement in ("COMMIT", "ROLLBACK"):
            opened = None
        elif statement == "SLOW":
            if opened == "BEGIN IMMEDIATE":
                wrong.append("a password was hashed or checked under the write lock")
        elif statement.split()[0] in ("INSERT", "UPDATE", "DELETE") and opened != "BEGIN IMMEDIATE":
            wrong.append(statement[:80])
    if opened == "BEGIN IMMEDIATE":
        wrong.append("the write lock is still held")
    return wrong


@pytest.mark.parametrize("name", CALLS)
def test_a_service_that_writes_holds_the_write_lock_from_before_it_reads(
    app, world, statements, name
):
    with db.sessionmaker(app)() as own:
        statements.clear()
        # Refusals are part of what is checked: they must let go of the lock too.
        with contextlib.suppress(ValueError, attempts.AttemptError):
            CALLS[name](own, world)
        log = list(statements)

    assert any(statement.split()[0] in ("INSERT", "UPDATE", "DELETE") for statement in log) or (
        "taken" in name
    ), "the call wrote nothing: it checks nothing"
    assert unlocked_writes(log) == []


def _writers() -> set[str]:
    """module.function for every public service function that commits, itself or via a helper."""
    found = set()
    for info in pkgutil.walk_packages(trainer.services.__path__, "trainer.services."):
        if info.ispkg:
            continue
        module = importlib.import_module(info.name)
        own = {
            name: fn
            for name, fn in vars(module).items()
            if inspect.isfunction(fn) and fn.__module__ == module.__name__
        }
        for name, fn in own.items():
            if not name.startswith("_") and _commits(fn, own, set()):
                found.add(f"{info.name.rsplit('.', 1)[1]}.{name}")
    return found


def _commits(fn, own: dict, seen: set) -> bool:
    seen.add(fn.__name__)
    source = inspect.getsource(fn)
    if any(word in source for word in (".commit(", "write_lock(", "begin_write(")):
        return True
    return any(
        _commits(own[name], own, seen)
        for name in fn.__code__.co_names
        if name in own and name not in seen
    )


def test_every_service_that_commits_is_walked_above():
    walked = {name.split(" ")[0] for name in CALLS}

    assert _writers() - walked == set()
