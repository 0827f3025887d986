"""Signing in and out, and members registering themselves."""

from __future__ import annotations

from datetime import timedelta

from flask import Blueprint, Flask, current_app, flash, redirect, render_template, request, url_for
from flask_login import login_user, logout_user
from flask_wtf.csrf import CSRFError
from wtforms import SelectChoice

from trainer.extensions import db
from trainer.services.common import clock, throttle
from trainer.services.members import accounts, joining, sign_in, sign_in_sessions, teams
from trainer.web.core.access import current_user
from trainer.web.core.links import safe_next
from trainer.web.members.account_forms import LoginForm, RegisterForm

bp = Blueprint("auth", __name__)

STALE_FORM = "Trang đã mở quá lâu nên chưa gửi được. Hãy bấm nút gửi một lần nữa."


def init_app(app: Flask) -> None:
    app.register_error_handler(CSRFError, stale_form)


@bp.route("/dang-nhap", methods=["GET", "POST"])
def login():
    form = LoginForm()
    status = 200
    if form.validate_on_submit():
        result = sign_in.sign_in(
            db.session,
            form.login.data,
            form.password.data,
            request.remote_addr or "",
            clock.now(),
            _limits(),
        )
        if result.user is not None:
            login_user(result.user, remember=form.remember.data)
            return redirect(safe_next(request.args.get("next"), url_for("account.me")))
        form.form_errors.append(result.message)
        status = 429 if result.locked else 200
    return render_template("auth/login.html", form=form), status


@bp.post("/dang-xuat")
def logout():
    """Sign out here and on every phone this account's cookies were copied to."""
    if current_user.is_authenticated:
        sign_in_sessions.end_all(db.session, current_user.id)
    logout_user()
    flash("Bạn đã đăng xuất.", "info")
    return redirect(url_for("pages.home"))


@bp.route("/dang-ky", methods=["GET", "POST"])
def register():
    if current_user.is_authenticated:
        return redirect(url_for("account.me"))
    form = RegisterForm()
    form.team.choices = _team_choices()
    if form.validate_on_submit():
        try:
            user = joining.register(
                db.session,
                form.full_name.data,
                form.login.data,
                form.password.data,
                join_code=form.join_code.data or "",
                team_id=form.team.data or None,
                address=request.remote_addr or "",
                rate=_registrations(),
            )
        except joining.AlreadyYours as yours:
            login_user(yours.user, remember=True)
            flash("Bạn đã có tài khoản này, nên đã được đăng nhập.", "info")
            return redirect(url_for("account.me"))
        except accounts.TooManyTries as error:
            db.session.rollback()
            form.form_errors.append(error.message)
            return render_template("auth/register.html", form=form), 429
        except accounts.AccountError as error:
            db.session.rollback()
            getattr(form, error.field).errors = [error.message]
        else:
            login_user(user, remember=True)
            flash(_welcome(user), "success")
            return redirect(url_for("account.me"))
    return render_template("auth/register.html", form=form)


def _welcome(user) -> str:
    if user.pending:
        return (
            f"Chào mừng {user.full_name}! Giảng viên của {user.team.name} sẽ duyệt bạn vào tổ. "
            "Trong lúc chờ, bạn vẫn học được mọi bài."
        )
    return f"Chào mừng {user.full_name}! Bạn đã vào {user.team.name}."


def stale_form(error: CSRFError):
    """A form sent without a valid token: show it again with what was typed, never a 500."""
    if request.endpoint in ("auth.login", "auth.register"):
        form = LoginForm() if request.endpoint == "auth.login" else RegisterForm()
        if isinstance(form, RegisterForm):
            form.team.choices = _team_choices()
        form.form_errors.append(STALE_FORM)
        page = "auth/login.html" if request.endpoint == "auth.login" else "auth/register.html"
        return render_template(page, form=form), 400
    return render_template("errors/stale_form.html", message=STALE_FORM), 400


def _team_choices() -> list[SelectChoice]:
    rows = [(0, "— Chọn tổ —"), *teams.team_choices(db.session)]
    return [SelectChoice(value, label) for value, label in rows]


def _limits() -> sign_in.Limits:
    return sign_in.Limits.of(current_app.config)


def _registrations() -> throttle.Rate:
    config = current_app.config
    return throttle.Rate(
        "dang-ky",
        config["REGISTER_ADDRESS_MAX"],
        timedelta(minutes=config["REGISTER_WINDOW_MINUTES"]),
    )
