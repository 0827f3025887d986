"""The quarterly report: a page, and the same table as CSV and Excel files to send on."""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template, request

from trainer.extensions import db
from trainer.services.common import clock
from trainer.services.field import targets
from trainer.services.members import teams
from trainer.services.reports import quarterly
from trainer.services.reports.quarter import Quarter
from trainer.web.certification.standing import lessons_by_topic
from trainer.web.certification.village_chart import village_charts
from trainer.web.core.access import current_user, instructor_required
from trainer.web.core.catalog import current_catalog

bp = Blueprint("reports", __name__, url_prefix="/bao-cao")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _report() -> tuple[quarterly.Report, list, str]:
    """The report asked for by ?quy=2026-Q1&to=<team id or empty for all I manage>."""
    quarter = Quarter.parse(request.args.get("quy", "")) or Quarter.of(clock.now())
    mine = teams.teams_managed_by(db.session, current_user)
    chosen = request.args.get("to", "")
    team_ids = [team.id for team in mine if chosen in ("", str(team.id))]
    if chosen and not team_ids:
        abort(404)
    catalog = current_catalog()
    topics = {topic.slug: topic.title() for topic in catalog.topics if topic.slug in catalog.banks}
    indicators = targets.indicators(catalog.outcomes)
    report = quarterly.quarterly(
        db.session, quarter, team_ids, topics, lessons_by_topic(), indicators
    )
    return report, mine, chosen


@bp.get("/")
@instructor_required
def page():
    report, mine, chosen = _report()
    recent = [Quarter.of(clock.now())]
    while len(recent) < 8:
        recent.append(recent[-1].previous)
    return render_template(
        "reports/quarter.html",
        report=report,
        teams=mine,
        chosen=chosen,
        quarters=recent,
        charts=village_charts(report.villages),
    )


@bp.get("/tai.<kind>")
@instructor_required
def download(kind: str):
    report, _, chosen = _report()
    name = f"bao-cao-to-cnscd-{report.quarter.slug}{'-to-' + chosen if chosen else ''}"
    if kind == "csv":
        body, mimetype = quarterly.to_csv(report).encode("utf-8"), "text/csv"  # Flask adds utf-8
    elif kind == "xlsx":
        body, mimetype = quarterly.to_xlsx(report), XLSX
    else:
        abort(404)
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}.{kind}"'
    return response
