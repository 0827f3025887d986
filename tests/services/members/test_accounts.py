from __future__ import annotations

import pytest
import sqlalchemy as sa

from tests.concurrency import at_once
from tests.factories import PASSWORD, make_team, make_user
from trainer.extensions import db
from trainer.models import User, utcnow
from trainer.services.members import accounts, joining, passwords, sign_in
from trainer.services.members.accounts import AccountError, LoginName, parse_login_name


@pytest.mark.parametrize(
    ("typed", "parsed"),
    [
        ("Lan.Nguyen ", LoginName(username="lan.nguyen")),
        ("0912 345 678", LoginName(phone="0912345678")),
        ("+84912345678", LoginName(phone="0912345678")),
        ("091.234.5678", LoginName(phone="0912345678")),
    ],
)
def test_login_names_are_read_as_people_type_them(typed, parsed):
    assert parse_login_name(typed) == parsed


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("12345", "Số điện thoại cần đủ 10 chữ số"),
        ("lan nguyen", "Tên đăng nhập dài 3 đến 32 ký tự"),
        ("lân", "chữ không dấu"),
    ],
)
def test_a_login_name_that_is_neither_is_explained(typed, message):
    with pytest.raises(AccountError) as raised:
        parse_login_name(typed)

    assert message in raised.value.message and raised.value.field == "login"


def test_two_people_registering_one_name_at_once_get_one_account_and_one_clear_refusal(
    app, session
):
    team_id = make_team(session).id
    makers = db.sessionmaker(app)
    outcomes: list[str] = []

    def register() -> None:
        with makers() as own:
            try:
                joining.register(own, "Lò Thị Lan", "lan.lo", "mat-khau-dai", team_id=team_id)
                outcomes.append("created")
            except joining.AlreadyYours:
                outcomes.append("signed in: the same password")
            except AccountError as error:
                outcomes.append(error.message)

    at_once(register, [()] * 8)

    assert outcomes.count("created") == 1
    assert set(outcomes) - {"created"} <= {joining.NOT_AVAILABLE, "signed in: the same password"}
    assert session.scalar(sa.select(sa.func.count()).select_from(User)) == 1


def test_a_member_changes_their_password_while_ten_others_sign_in_and_all_succeed(app, session):
    team = make_team(session)
    changer = make_user(session, team=team).id
    others = [make_user(session, team=team).login_name for _ in range(10)]
    makers = db.sessionmaker(app)
    outcomes: list[str] = []

    def change() -> None:
        with makers() as own:
            accounts.change_password(own, changer, PASSWORD, "mot-mat-khau-moi")
            outcomes.append("changed")

    def sign(login: str) -> None:
        with makers() as own:
            result = sign_in.sign_in(own, login, PASSWORD, "10.0.0.2", utcnow(), sign_in.Limits())
            outcomes.append("signed in" if result.user else result.message)

    at_once(
        lambda job: job(), [(change,), *((lambda login=login: sign(login),) for login in others)]
    )

    assert sorted(outcomes) == ["changed"] + ["signed in"] * 10
    hashed = session.scalar(sa.select(User.password_hash).where(User.id == changer))
    assert passwords.matches(hashed, "mot-mat-khau-moi")
