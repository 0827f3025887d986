from __future__ import annotations

import pytest

from tests.factories import PASSWORD, make_user
from trainer.extensions import db
from trainer.services.members import accounts, sign_in_sessions


@pytest.fixture
def own(app):
    with db.sessionmaker(app)() as session:
        yield session


@pytest.fixture
def member(session):
    return make_user(session, username="minh")


def test_a_cookies_session_id_opens_the_account_it_names(own, member):
    assert sign_in_sessions.user_for(own, sign_in_sessions.session_id(member)).id == member.id


@pytest.mark.parametrize(
    "end",
    [
        lambda own, user_id: sign_in_sessions.end_all(own, user_id),
        lambda own, user_id: accounts.change_password(own, user_id, PASSWORD, "mot-mat-khau-moi"),
        lambda own, user_id: accounts.reset_password(own, user_id),
    ],
    ids=["signing out", "changing the password", "an instructor's reset"],
)
def test_a_session_id_made_before_stops_opening_the_account_after(own, member, end):
    before = sign_in_sessions.session_id(member)

    end(own, member.id)

    assert sign_in_sessions.user_for(own, before) is None


def test_a_switched_off_account_opens_no_session(own, member):
    accounts.set_active(own, member.id, False)

    assert sign_in_sessions.user_for(own, sign_in_sessions.session_id(member)) is None


@pytest.mark.parametrize("text", ["", "1", "1.", ".1", "x.1", "1.x", "9" * 50 + ".1", "1.1.1"])
def test_a_malformed_session_id_opens_nothing(own, member, text):
    assert sign_in_sessions.user_for(own, text) is None
