"""The visit log: a member notes what they guided at residents' doors; instructors read it.

A form sent with no signal is kept by the service worker and sent again later, asking
for JSON: it gets 201 when stored (or already stored under its key), 422 with the reason
per field when refused.
"""

from __future__ import annotations

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for

from trainer.extensions import db
from trainer.models import Visit
from trainer.services.common import clock
from trainer.services.field import villages, visits
from trainer.services.field.visit_entry import VisitError
from trainer.services.reports.quarter import Quarter
from trainer.web.core.access import (
    current_user,
    instructor_required,
    login_required,
    managed_team_or_404,
)
from trainer.web.core.catalog import current_catalog
from trainer.web.field.visit_form import blank_values, entry_from, log_form, values_of

bp = Blueprint("visit_log", __name__)


def topic_titles() -> dict[str, str]:
    return {topic.slug: topic.title() for topic in current_catalog().topics}


def _cleared() -> list[str]:
    return visits.cleared_topics(db.session, current_user.id, topic_titles())


def _page(values=None, errors=None, editing: Visit | None = None, status: int = 200):
    """The log page: the form (blank, as typed, or an entry to change) and this quarter's."""
    team_id = current_user.team_id
    places = villages.villages_of(db.session, [team_id]) if team_id else []
    quarter = Quarter.of(clock.now())
    mine = visits.visits_of(
        db.session, [current_user.id], quarter.first_day, quarter.next.first_day
    )
    if values is None:
        values = blank_values(clock.local_day(clock.now()), places, mine[0] if mine else None)
    form = log_form(current_catalog(), places, _cleared(), values)
    form.errors = errors or {}
    page = render_template(
        "field/log.html",
        form=form,
        editing=editing,
        quarter=quarter,
        visits=mine,
        editable={visit.id for visit in mine if visits.editable(visit)},
        titles=topic_titles(),
        outcome_titles={o.key: o.title for o in current_catalog().outcomes.all()},
    )
    return page, status


@bp.get("/cua-toi/nhat-ky")
@login_required
def log():
    return _page()


@bp.post("/cua-toi/nhat-ky")
@login_required
def add():
    entry = entry_from(request.form, request.headers.get("Idempotency-Key", ""))
    try:
        visit = visits.record(
            db.session, current_user.id, entry, current_catalog().outcomes, topic_titles()
        )
    except VisitError as error:
        if _wants_json():
            return jsonify(errors=error.errors), 422
        return _page(request.form, error.errors, status=422)
    if _wants_json():
        return jsonify(id=visit.id), 201
    day = visit.visited_on.strftime("%d/%m/%Y")
    flash(f"Đã ghi buổi hướng dẫn ngày {day} ở {visit.village.name}.", "success")
    return redirect(url_for("visit_log.log"))


@bp.route("/cua-toi/nhat-ky/<int:visit_id>", methods=["GET", "POST"])
@login_required
def change(visit_id: int):
    visit = db.session.get(Visit, visit_id)
    if visit is None or visit.user_id != current_user.id:
        abort(404)
    if request.method == "GET":
        return _page(values_of(visit), editing=visit)
    entry = entry_from(request.form)
    try:
        visits.update(
            db.session, current_user.id, visit.id, entry, current_catalog().outcomes, topic_titles()
        )
    except VisitError as error:
        if _wants_json():
            return jsonify(errors=error.errors), 422
        return _page(request.form, error.errors, editing=visit, status=422)
    if _wants_json():
        return jsonify(id=visit.id), 200
    flash(f"Đã sửa buổi hướng dẫn ngày {visit.visited_on:%d/%m/%Y}.", "success")
    return redirect(url_for("visit_log.log"))


@bp.get("/giang-vien/to/<int:team_id>/nhat-ky")
@instructor_required
def team(team_id: int):
    found = managed_team_or_404(team_id)
    quarter = Quarter.parse(request.args.get("quy", "")) or Quarter.of(clock.now())
    ids = [member.id for member in found.members]
    entries = visits.visits_of(db.session, ids, quarter.first_day, quarter.next.first_day)
    return render_template(
        "field/team_log.html",
        team=found,
        quarter=quarter,
        visits=entries,
        titles=topic_titles(),
        outcome_titles={o.key: o.title for o in current_catalog().outcomes.all()},
    )


def _wants_json() -> bool:
    return request.accept_mimetypes.best == "application/json"
