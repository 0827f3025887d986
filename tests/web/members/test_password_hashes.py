"""Passwords are stored as Argon2id; old scrypt hashes still sign in and are replaced."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from werkzeug.security import generate_password_hash

from tests.factories import PASSWORD, make_team, make_user
from tests.forms import Login
from trainer.models import User
from trainer.services.members import passwords


@pytest.fixture(autouse=True)
def floor_cost_again():
    """Tests here configure other costs; the tests after them hash at the default again."""
    yield
    passwords.configure(**passwords.FLOOR)


def stored_hash(session, user) -> str:
    return session.scalar(sa.select(User.password_hash).where(User.id == user.id))


def test_a_member_with_an_old_scrypt_hash_signs_in_and_it_is_stored_as_argon2id(
    client, session, login
):
    member = make_user(session, "Lò Văn Minh", "minh", team=make_team(session))
    old = generate_password_hash(PASSWORD, "scrypt:32768:8:1")
    session.execute(sa.update(User).where(User.id == member.id).values(password_hash=old))

    response = login("minh")

    assert response.status_code == 302
    assert "Lò Văn Minh" in client.get("/cua-toi").get_data(as_text=True)
    stored = stored_hash(session, member)
    assert stored.startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    assert passwords.matches(stored, PASSWORD) and not passwords.matches(stored, "sai-mat-khau")


def test_a_wrong_password_leaves_the_old_hash_alone(client, session, login):
    member = make_user(session, "Lò Văn Minh", "minh", team=make_team(session))
    old = generate_password_hash(PASSWORD, "scrypt:32768:8:1")
    session.execute(sa.update(User).where(User.id == member.id).values(password_hash=old))

    response = login("minh", "mot-mat-khau-sai-roi")

    assert response.status_code == 200 and "chưa đúng" in response.get_data(as_text=True)
    assert stored_hash(session, member) == old


def test_a_new_password_is_hashed_with_argon2id_at_the_configured_cost(make_app, content):
    make_app(content, PASSWORD_MEMORY_KIB=32 * 1024, PASSWORD_TIME_COST=3)

    made = passwords.hash_password("ca phe sang 7 gio")

    assert made.startswith("$argon2id$v=19$m=32768,t=3,p=1$")
    assert passwords.matches(made, "ca phe sang 7 gio")


def test_a_hash_made_at_a_lower_cost_is_made_again_at_the_next_sign_in(make_app, content, session):
    member = make_user(session, "Lò Văn Minh", "minh", team=make_team(session))
    assert stored_hash(session, member).startswith("$argon2id$v=19$m=19456,t=2,p=1$")
    client = make_app(content, PASSWORD_MEMORY_KIB=24 * 1024).test_client()

    assert Login(client)("minh").status_code == 302

    assert stored_hash(session, member).startswith("$argon2id$v=19$m=24576,t=2,p=1$")


@pytest.mark.parametrize(
    "setting",
    [{"PASSWORD_MEMORY_KIB": 16 * 1024}, {"PASSWORD_TIME_COST": 1}, {"PASSWORD_PARALLELISM": 0}],
)
def test_a_cost_below_owasps_minimum_stops_the_app_at_start(make_app, content, setting):
    with pytest.raises(passwords.CostTooLow, match="OWASP"):
        make_app(content, **setting)


def test_a_remembered_phone_opens_the_account_without_hashing_anything(
    client, app, session, login, monkeypatch
):
    make_user(session, "Lò Văn Minh", "minh", team=make_team(session))
    login("minh", remember=True)
    phone = app.test_client()
    phone.set_cookie("remember_token", client.get_cookie("remember_token").value)
    hashed = []
    for name in ("hash_password", "matches", "needs_rehash"):
        monkeypatch.setattr(passwords, name, lambda *args, name=name: hashed.append(name))

    page = phone.get("/cua-toi")

    assert page.status_code == 200 and "Lò Văn Minh" in page.get_data(as_text=True)
    assert hashed == []
