"""Only for admins: each village's targets for a year, typed in or imported from CSV."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for

from trainer.extensions import db
from trainer.services.common import clock
from trainer.services.common.typed_numbers import whole_number
from trainer.services.field import targets, villages
from trainer.services.field.targets_import import import_targets
from trainer.services.members import teams
from trainer.services.members.accounts import AccountError
from trainer.web.core.access import admin_required
from trainer.web.core.catalog import current_catalog
from trainer.web.core.forms import PageForm
from trainer.web.core.ids import record_id
from trainer.web.core.limits import uploaded_bytes
from trainer.web.core.upload_forms import SpreadsheetForm

bp = Blueprint("targets", __name__, url_prefix="/quan-tri/chi-tieu")


def _chosen() -> tuple[int | None, int]:
    """The team (?to=) and year (?nam=) asked for: no team, or this year, when not a real one."""
    year = request.args.get("nam", type=_year) or clock.local_day(clock.now()).year
    return request.args.get("to", type=record_id), year


def _year(text: str) -> int:
    if (year := whole_number(text, 2000, 2100)) is None:
        raise ValueError("not a year")
    return year


@bp.get("/")
@admin_required
def index(error: str = "", status: int = 200):
    team_id, year = _chosen()
    all_teams = teams.team_choices(db.session)
    team_id = team_id or (all_teams[0][0] if all_teams else None)
    listed = villages.villages_of(db.session, [team_id]) if team_id else []
    page = render_template(
        "field/targets.html",
        teams=all_teams,
        team_id=team_id,
        year=year,
        villages=listed,
        indicators=targets.indicators(current_catalog().outcomes),
        held=targets.targets_for(db.session, [v.id for v in listed], year),
        typed=request.form,
        error=error,
        form=SpreadsheetForm(),
    )
    return page, status


@bp.post("/")
@admin_required
def save():
    team_id, year = _chosen()
    known = [indicator.key for indicator in targets.indicators(current_catalog().outcomes)]
    typed = {}
    for name, text in request.form.items():
        village, _, indicator = name.removeprefix("t-").partition("-")
        if name.startswith("t-") and village.isdigit():
            try:
                typed[(record_id(village), indicator)] = text
            except ValueError:
                return index("Không tìm thấy thôn, bản này.", 422)
    if not PageForm().validate_on_submit() or team_id is None:
        return redirect(url_for("targets.index", to=team_id, nam=year))
    try:
        targets.set_team_targets(db.session, team_id, year, typed, known)
    except AccountError as error:
        return index(error.message, 422)
    flash(f"Đã lưu chỉ tiêu năm {year}.", "success")
    return redirect(url_for("targets.index", to=team_id, nam=year))


@bp.route("/nhap", methods=["GET", "POST"])
@admin_required
def import_csv():
    form = SpreadsheetForm()
    report = None
    if form.validate_on_submit() and (data := uploaded_bytes(form.file)) is not None:
        known = targets.indicators(current_catalog().outcomes)
        report = import_targets(db.session, data, known, form.encoding.data)
    columns = [i.key.replace("-", "_") for i in targets.indicators(current_catalog().outcomes)]
    return render_template("field/targets_import.html", form=form, report=report, columns=columns)
