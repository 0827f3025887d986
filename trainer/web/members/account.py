"""The member's own page: who they are, their team, and how far they are in each topic."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import login_user
from flask_login.config import COOKIE_NAME

from trainer.extensions import db
from trainer.models import User
from trainer.services.common import clock
from trainer.services.common.throttle import Limits
from trainer.services.field import visits
from trainer.services.members import accounts, progress
from trainer.services.reports.quarter import Quarter
from trainer.web.certification.standing import my_standings
from trainer.web.core.access import current_user, login_required
from trainer.web.core.catalog import current_catalog
from trainer.web.members.account_forms import PasswordForm

bp = Blueprint("account", __name__)


@bp.get("/cua-toi")
@login_required
def me():
    catalog = current_catalog()
    mine = progress.progress_by_lesson(db.session, current_user.id)
    topics = [
        (
            topic,
            catalog.lessons_in(topic.slug),
            [mine.get(lesson.slug) for lesson in catalog.lessons_in(topic.slug)],
        )
        for topic in catalog.topics
    ]
    quarter = Quarter.of(clock.now())
    cleared = visits.cleared_topics(db.session, current_user.id, [t.slug for t in catalog.topics])
    return render_template(
        "account/me.html",
        topics=topics,
        standings=my_standings(),
        quarter=quarter,
        visits=visits.visits_of(
            db.session, [current_user.id], quarter.first_day, quarter.next.first_day
        ),
        cleared=[catalog.topic(slug) for slug in cleared],
        managed=[team.name for team in current_user.managed_teams],
    )


@bp.route("/cua-toi/mat-khau", methods=["GET", "POST"])
@login_required
def password():
    form = PasswordForm()
    status = 200
    if form.validate_on_submit():
        try:
            accounts.change_password(
                db.session,
                current_user.id,
                form.current.data,
                form.password.data,
                address=request.remote_addr or "",
                limits=Limits.of(current_app.config),
            )
        except accounts.AccountError as error:
            db.session.rollback()
            getattr(form, error.field).errors = [error.message]
            status = 429 if isinstance(error, accounts.TooManyTries) else 200
        else:
            # Every other session ended with the old password; this one goes on.
            remembered = COOKIE_NAME in request.cookies
            login_user(db.session.get(User, current_user.id), remember=remembered)
            flash(
                "Đã đổi mật khẩu. Các máy khác đang đăng nhập tài khoản này đã được đăng xuất.",
                "success",
            )
            return redirect(url_for("account.me"))
    return render_template("account/password.html", form=form), status
