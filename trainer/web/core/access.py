"""Who may see what: Flask-Login set-up and the decorators views use.

Members see their own data; an instructor manages only the teams they are assigned to;
an admin manages every team. Reading and listening never need an account.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from flask import Flask, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from trainer.extensions import db, login_manager
from trainer.models import Role, Team, User
from trainer.services.members import sign_in_sessions
from trainer.services.members.access import manages

__all__ = [
    "admin_required",
    "current_user",
    "instructor_required",
    "login_required",
    "manages",
    "managed_team_or_404",
    "role_required",
]


def init_app(app: Flask) -> None:
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Hãy đăng nhập để xem trang này."
    login_manager.login_message_category = "info"
    login_manager.user_loader(load_user)
    app.register_error_handler(403, forbidden)


def forbidden(error):
    return render_template("errors/403.html"), 403


def load_user(session_id: str) -> User | None:
    """The signed-in account; None when it was removed, switched off, or its sessions ended
    (signed out, password changed) since this cookie was made."""
    return sign_in_sessions.user_for(db.session, session_id)


def login_required(view: Callable) -> Callable:
    """Send a visitor who is not signed in to the sign-in page, then back here."""

    @wraps(view)
    def wrapped(*args, **kwargs):
        if not current_user.is_authenticated:
            flash(login_manager.login_message, "info")
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        return view(*args, **kwargs)

    wrapped.signed_in_only = True  # its body is not read for a visitor (core/limits.py)
    return wrapped


def role_required(*roles: str) -> Callable[[Callable], Callable]:
    """Only accounts with one of roles get in; others get 403, visitors the sign-in page."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(*args, **kwargs):
            if current_user.role not in roles:
                abort(403)
            return view(*args, **kwargs)

        return login_required(wrapped)

    return decorate


instructor_required = role_required(Role.INSTRUCTOR, Role.ADMIN)
admin_required = role_required(Role.ADMIN)


def managed_team_or_404(team_id: int) -> Team:
    """The team, if the signed-in user manages it; 404 otherwise (never reveal it exists)."""
    team = db.session.get(Team, team_id)
    if team is None or not manages(current_user, team):
        abort(404)
    return team
