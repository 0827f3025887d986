"""Teams for the people who manage them: an instructor sees their own, an admin every one.

One list of teams answers at `/to/` and at `/giang-vien/` (the certification side);
each team links to its members page here and to its certificate grid in `roster.py`.
"""

from __future__ import annotations

from flask import Blueprint, abort, render_template

from trainer.extensions import db
from trainer.models import Role, User
from trainer.services import accounts, people, teams
from trainer.services.progress import finished_counts
from trainer.web.core.access import current_user, instructor_required, managed_team_or_404

bp = Blueprint("teams", __name__)


@bp.get("/to/")
@bp.get("/giang-vien/", endpoint="roster")
@instructor_required
def index():
    return render_template(
        "teams/index.html", teams=teams.teams_managed_by(db.session, current_user)
    )


@bp.get("/to/<int:team_id>")
@instructor_required
def show(team_id: int):
    team = managed_team_or_404(team_id)
    counts = finished_counts(db.session, [member.id for member in team.members])
    instructors = people.instructors(db.session) if current_user.is_admin else []
    return render_template("teams/show.html", team=team, finished=counts, instructors=instructors)


@bp.post("/to/<int:team_id>/thanh-vien/<int:user_id>/mat-khau")
@instructor_required
def reset_password(team_id: int, user_id: int):
    """A member forgot their password: their instructor gives them a temporary one."""
    team = managed_team_or_404(team_id)
    member = db.session.get(User, user_id)
    if member is None or member.team_id != team.id or member.role != Role.MEMBER:
        abort(404)
    password = accounts.reset_password(db.session, member.id)
    return render_template("teams/new_password.html", team=team, member=member, password=password)
