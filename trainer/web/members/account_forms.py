"""Sign-in and registration forms; every message in plain Vietnamese."""

from __future__ import annotations

from wtforms import BooleanField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, ValidationError

from trainer.services.members.accounts import AccountError, parse_login_name
from trainer.services.members.passwords import MIN_PASSWORD
from trainer.web.core.forms import PageForm

LOGIN_LABEL = "Tên đăng nhập hoặc số điện thoại"


class LoginForm(PageForm):
    login = StringField(LOGIN_LABEL, [DataRequired("Hãy ghi tên đăng nhập hoặc số điện thoại.")])
    password = PasswordField("Mật khẩu", [DataRequired("Hãy ghi mật khẩu.")])
    remember = BooleanField("Ghi nhớ trên điện thoại này", default=True)


def team_id(value) -> int:
    """The chosen team's id; 0 (none chosen) for anything that is not one."""
    text = str(value or "")
    return int(text) if text.isascii() and text.isdecimal() and len(text) < 12 else 0


class RegisterForm(PageForm):
    full_name = StringField(
        "Họ và tên",
        [DataRequired("Hãy ghi họ và tên."), Length(max=120, message="Họ tên quá dài.")],
    )
    login = StringField(
        LOGIN_LABEL,
        [DataRequired("Hãy ghi tên đăng nhập hoặc số điện thoại.")],
        description="Ví dụ: lan.nguyen hoặc 0912345678. Dùng để đăng nhập lần sau.",
    )
    password = PasswordField(
        "Mật khẩu",
        [
            DataRequired("Hãy đặt mật khẩu."),
            Length(min=MIN_PASSWORD, message=f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự."),
        ],
        description=f"Ít nhất {MIN_PASSWORD} ký tự, không chứa tên đăng nhập. Dễ nhớ mà khó đoán: "
        "ghép vài từ, ví dụ “ca phe sang 7 gio”. Không dùng mật khẩu của tài khoản khác.",
    )
    password_again = PasswordField(
        "Nhập lại mật khẩu",
        [
            DataRequired("Hãy nhập lại mật khẩu."),
            EqualTo("password", "Hai mật khẩu chưa giống nhau."),
        ],
    )

    join_code = StringField(
        "Mã vào tổ",
        [Length(max=20, message="Mã vào tổ có 8 chữ và số, ví dụ K7Q2-XR4M.")],
        description="Giảng viên của tổ cho bạn mã này. Có mã thì vào tổ ngay.",
    )
    team = SelectField(
        "Chưa có mã? Chọn tổ của bạn",
        coerce=team_id,
        validate_choice=False,
        description="Giảng viên của tổ sẽ duyệt bạn vào tổ. Trong lúc chờ, bạn vẫn học mọi bài.",
    )

    def validate_login(self, field: StringField) -> None:
        try:
            parse_login_name(field.data or "")
        except AccountError as error:
            raise ValidationError(error.message) from error


class PasswordForm(PageForm):
    current = PasswordField("Mật khẩu đang dùng", [DataRequired("Hãy ghi mật khẩu đang dùng.")])
    password = PasswordField(
        "Mật khẩu mới",
        [
            DataRequired("Hãy đặt mật khẩu mới."),
            Length(min=MIN_PASSWORD, message=f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự."),
        ],
        description=f"Ít nhất {MIN_PASSWORD} ký tự, không chứa tên đăng nhập.",
    )
    password_again = PasswordField(
        "Nhập lại mật khẩu mới",
        [
            DataRequired("Hãy nhập lại mật khẩu mới."),
            EqualTo("password", "Hai mật khẩu chưa giống nhau."),
        ],
    )
