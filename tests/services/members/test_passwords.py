import pytest

from trainer.services.members import passwords


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("12345678", "Mật khẩu cần ít nhất 10 ký tự."),
        ("password", "Mật khẩu cần ít nhất 10 ký tự."),
        ("a" + " " * 9, "lặp lại quá nhiều"),
        ("1212121212", "lặp lại quá nhiều"),
        ("Password123", "rất nhiều người dùng"),
        ("matkhau123", "rất nhiều người dùng"),
        ("1234567890", "rất nhiều người dùng"),
        ("lan.lo.2026", "không được chứa tên đăng nhập"),
        ("LAN.LO-mat-khau", "không được chứa tên đăng nhập"),
    ],
)
def test_a_weak_new_password_is_refused_in_plain_vietnamese(password, message):
    assert message in passwords.problem(password, "lan.lo")


@pytest.mark.parametrize(
    "password", ["ca phe sang 7 gio", "Mường Phăng 2026!", "doi-mat-khau-ngay"]
)
def test_a_long_password_of_ones_own_is_accepted(password):
    assert passwords.problem(password, "lan.lo") is None


def test_the_phone_number_is_not_a_password_either():
    assert "không được chứa" in passwords.problem("0912345678", "0912345678")


def test_a_temporary_password_passes_the_rules_it_is_given_under():
    assert all(
        passwords.problem(passwords.temporary_password(), "lan.lo") is None for _ in range(50)
    )
