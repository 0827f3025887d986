from __future__ import annotations

from datetime import timedelta

import pytest

from tests.factories import PASSWORD, make_user
from tests.services.certification_clock import START
from trainer.extensions import db
from trainer.services.common import throttle
from trainer.services.common.throttle import Limits
from trainer.services.members.sign_in import sign_in

LIMITS = Limits(max_failures=5, window=timedelta(minutes=15), address_max=20)
PHONE, HALL = "10.0.0.7", "10.0.0.1"


@pytest.fixture
def own(app):
    with db.sessionmaker(app)() as session:
        yield session


def guess(own, login, times, address, start=START):
    """`times` wrong passwords, one a second from start; returns the moment of the last one."""
    for second in range(times):
        sign_in(own, login, "sai-mat-khau", address, start + timedelta(seconds=second), LIMITS)
    return start + timedelta(seconds=times - 1)


@pytest.mark.parametrize(
    ("failures", "wait"),
    [(4, 0), (5, 30), (6, 60), (7, 120), (8, 240), (9, 480), (10, 900), (40, 900)],
)
def test_each_wrong_password_past_the_fifth_doubles_the_wait_up_to_the_window(failures, wait):
    assert throttle.delay(failures, LIMITS) == timedelta(seconds=wait)


def test_after_five_wrong_passwords_that_name_waits_thirty_seconds_at_that_address(session, own):
    make_user(session, username="minh")
    last = guess(own, "minh", 5, PHONE)

    held = sign_in(own, "minh", PASSWORD, PHONE, last + timedelta(seconds=20), LIMITS)
    later = sign_in(own, "minh", PASSWORD, PHONE, last + timedelta(seconds=30), LIMITS)

    assert held.locked and held.message.endswith("Hãy đợi 10 giây rồi thử lại.")
    assert later.user is not None


def test_someone_guessing_a_name_never_locks_its_owner_out_of_their_own_phone(session, own):
    make_user(session, username="minh")
    last = guess(own, "minh", 30, "203.0.113.9")

    result = sign_in(own, "minh", PASSWORD, PHONE, last, LIMITS)

    assert result.user is not None and not result.locked


def test_one_address_guessing_many_names_meets_the_ceiling_for_every_name(session, own):
    make_user(session, username="minh")
    for number in range(LIMITS.address_max):
        guess(own, f"nguoi{number}", 1, HALL, START + timedelta(seconds=number))
    after = START + timedelta(seconds=LIMITS.address_max)

    there = sign_in(own, "minh", PASSWORD, HALL, after, LIMITS)
    elsewhere = sign_in(own, "minh", PASSWORD, PHONE, after, LIMITS)

    assert there.locked and elsewhere.user is not None


def test_signing_in_forgets_the_wrong_passwords_of_that_name_at_that_address_only(session, own):
    make_user(session, username="minh")
    guess(own, "minh", 4, PHONE)
    last = guess(own, "minh", 4, HALL)

    sign_in(own, "minh", PASSWORD, PHONE, last, LIMITS)
    guess(own, "minh", 1, PHONE, last)
    guess(own, "minh", 1, HALL, last)

    at_phone = throttle.wait_for(own, "minh", PHONE, last + timedelta(seconds=1), LIMITS)
    at_hall = throttle.wait_for(own, "minh", HALL, last + timedelta(seconds=1), LIMITS)
    assert at_phone is None and at_hall is not None


def test_admins_see_who_waits_and_clearing_lets_them_in_at_once(session, own):
    make_user(session, username="minh")
    last = guess(own, "minh", 5, PHONE)
    for number in range(LIMITS.address_max):
        guess(own, f"nguoi{number}", 1, HALL, last)

    locks = throttle.current_locks(own, last + timedelta(seconds=1), LIMITS)
    throttle.clear(own, "minh", PHONE)
    result = sign_in(own, "minh", PASSWORD, PHONE, last + timedelta(seconds=2), LIMITS)

    assert [(lock.login_name, lock.address, lock.failures) for lock in locks] == [
        ("", HALL, LIMITS.address_max),
        ("minh", PHONE, 5),
    ]
    assert locks[1].until == last + timedelta(seconds=30)
    assert result.user is not None


def test_the_limits_come_from_the_apps_login_settings(app):
    limits = Limits.of({**app.config, "LOGIN_ADDRESS_MAX_FAILURES": 40})

    assert limits == Limits(5, timedelta(minutes=15), 40)
