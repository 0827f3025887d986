"""Sign-in and registration forms; every message in plain Vietnamese."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, SelectField, StringField
from wtforms.validators import DataRequired, EqualTo, Length, ValidationError

from trainer.services.accounts import MIN_PASSWORD, AccountError, parse_login_name

LOGIN_LABEL = "Tên đăng nhập hoặc số điện thoại"


class LoginForm(FlaskForm):
    login = StringField(LOGIN_LABEL, [DataRequired("Hãy ghi tên đăng nhập hoặc số điện thoại.")])
    password = PasswordField("Mật khẩu", [DataRequired("Hãy ghi mật khẩu.")])
    remember = BooleanField("Ghi nhớ trên điện thoại này", default=True)


class RegisterForm(FlaskForm):
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
        description=f"Ít nhất {MIN_PASSWORD} ký tự. Không dùng mật khẩu của tài khoản khác.",
    )
    password_again = PasswordField(
        "Nhập lại mật khẩu",
        [
            DataRequired("Hãy nhập lại mật khẩu."),
            EqualTo("password", "Hai mật khẩu chưa giống nhau."),
        ],
    )

    team = SelectField(
        "Tổ của bạn",
        coerce=int,
        validate_choice=False,
        validators=[DataRequired("Hãy chọn tổ của bạn.")],
    )

    def validate_login(self, field: StringField) -> None:
        try:
            parse_login_name(field.data or "")
        except AccountError as error:
            raise ValidationError(error.message) from error


class PasswordForm(FlaskForm):
    current = PasswordField("Mật khẩu đang dùng", [DataRequired("Hãy ghi mật khẩu đang dùng.")])
    password = PasswordField(
        "Mật khẩu mới",
        [
            DataRequired("Hãy đặt mật khẩu mới."),
            Length(min=MIN_PASSWORD, message=f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự."),
        ],
        description=f"Ít nhất {MIN_PASSWORD} ký tự.",
    )
    password_again = PasswordField(
        "Nhập lại mật khẩu mới",
        [
            DataRequired("Hãy nhập lại mật khẩu mới."),
            EqualTo("password", "Hai mật khẩu chưa giống nhau."),
        ],
    )
