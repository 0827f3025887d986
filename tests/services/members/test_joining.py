from __future__ import annotations

import pytest
import sqlalchemy as sa

from tests.factories import make_team, make_user
from tests.services.certification_clock import START
from trainer.extensions import db
from trainer.models import Team, User
from trainer.services.certification import attempts
from trainer.services.members import joining, people
from trainer.services.members.accounts import AccountError
from trainer.services.reports import quarterly
from trainer.services.reports.quarter import Quarter

PASSWORD = "mot-mat-khau-dai"


@pytest.fixture
def own(app):
    with db.sessionmaker(app)() as session:
        yield session


@pytest.fixture
def team(session):
    return make_team(session)


def register(own, **how):
    return joining.register(own, "Lò Thị Lan", "lan.lo", PASSWORD, **how)


def test_every_team_gets_a_join_code_of_eight_unmistakable_characters(team):
    raw = team.join_code.replace("-", "")

    assert len(raw) == 8 and not set(raw) & set("01IO")


def test_a_member_with_the_teams_code_joins_it_at_once_however_the_code_is_typed(own, team):
    typed = team.join_code.lower().replace("-", " ")

    user = register(own, join_code=typed)

    assert (user.team_id, user.pending) == (team.id, False)


def test_a_wrong_code_is_refused_and_nothing_is_stored(own, session, team):
    with pytest.raises(AccountError) as refused:
        register(own, join_code="AAAA-BBBB")

    assert refused.value.field == "join_code"
    assert session.scalar(sa.select(sa.func.count()).select_from(User)) == 0


def test_a_member_without_a_code_waits_for_the_instructor(own, team):
    user = register(own, team_id=team.id)

    assert user.pending
    assert [person.id for person in joining.pending_members(own, team.id)] == [user.id]


def test_a_pending_member_cannot_sit_a_quiz_until_approved(app, own, team):
    quiz = app.extensions["catalog"].quizzes["an-toan"]
    user_id = register(own, team_id=team.id).id

    with pytest.raises(attempts.NotApproved):
        attempts.start(own, user_id, quiz)
    joining.approve(own, team.id, user_id)

    assert attempts.start(own, user_id, quiz).user_id == user_id


def test_a_pending_member_counts_in_no_report_and_no_roster(own, session, team):
    make_user(session, "Lò Văn Páo", team=team)
    register(own, team_id=team.id)

    report = quarterly.quarterly(
        own, Quarter.of(START), [team.id], {"an-toan": "An toàn"}, {"an-toan": []}
    )

    assert [row.members for row in report.rows] == [1]
    assert [member.full_name for member in people.approved_members(own, team.id)] == ["Lò Văn Páo"]


def test_declining_removes_the_pending_account(own, session, team):
    user_id = register(own, team_id=team.id).id

    joining.decline(own, team.id, user_id)

    assert session.get(User, user_id) is None


def test_only_a_pending_member_of_that_team_is_approved(own, session, team):
    other = make_team(session, "Tổ CNSCĐ-Xã Thanh Nưa", "Xã Thanh Nưa")
    user_id = register(own, team_id=other.id).id
    member_id = make_user(session, team=team).id

    for team_id, person in ((team.id, user_id), (team.id, member_id), (team.id, 10**6)):
        with pytest.raises(AccountError):
            joining.approve(own, team_id, person)


def test_renewing_the_code_makes_the_old_one_stop_working(own, session, team):
    old = team.join_code

    new = joining.renew_code(own, team.id)

    assert new != old and session.scalar(sa.select(Team.join_code)) == new
    with pytest.raises(AccountError):
        register(own, join_code=old)
