"""The commune's report for a month or a quarter: a page to print and sign, and the same
figures as Excel and CSV files to send on."""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template, request

from trainer.extensions import db
from trainer.models import Role
from trainer.services.common import clock
from trainer.services.field import targets
from trainer.services.members import teams
from trainer.services.reports import quarterly, report_tables, report_workbook
from trainer.web.certification.report_period import Choice, chosen_period
from trainer.web.certification.standing import lessons_by_topic
from trainer.web.certification.village_chart import village_charts
from trainer.web.core.access import current_user, role_required
from trainer.web.core.catalog import current_catalog

bp = Blueprint("reports", __name__, url_prefix="/bao-cao")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
report_viewer = role_required(Role.INSTRUCTOR, Role.ADMIN, Role.PROVINCE)


def report_topics() -> dict[str, str]:
    """Topics that certify (have a question bank), slug -> title, in the catalog's order."""
    catalog = current_catalog()
    return {topic.slug: topic.title() for topic in catalog.topics if topic.slug in catalog.banks}


def _report() -> tuple[quarterly.Report, Choice, list, str]:
    """The report asked for by ?ky=2026-Q1&to=<team id, or empty for all I may see>."""
    choice = chosen_period()
    mine = teams.teams_reported_to(db.session, current_user)
    chosen = request.args.get("to", "")
    team_ids = [team.id for team in mine if chosen in ("", str(team.id))]
    if chosen and not team_ids:
        abort(404)
    report = quarterly.quarterly(
        db.session,
        choice.period,
        team_ids,
        report_topics(),
        lessons_by_topic(),
        targets.indicators(current_catalog().outcomes),
        made_on=clock.local_day(clock.now()),
        deadline=choice.deadline,
    )
    return report, choice, mine, chosen


@bp.get("/")
@report_viewer
def page():
    report, choice, mine, chosen = _report()
    return render_template(
        "reports/report.html",
        report=report,
        choice=choice,
        tables=report_tables.commune_tables(report.figures),
        detail=report_tables.detail(report.figures),
        teams=mine,
        chosen=chosen,
        charts=village_charts(report.villages),
        signers=report_workbook.SIGNERS,
        sign_hints=report_workbook.SIGN_HINTS,
    )


@bp.get("/tai.<kind>")
@report_viewer
def download(kind: str):
    report, _, _, chosen = _report()
    name = f"bao-cao-to-cnscd-{report.period.slug}{'-to-' + chosen if chosen else ''}"
    if kind == "csv":
        body, mimetype = quarterly.to_csv(report).encode("utf-8"), "text/csv"  # Flask adds utf-8
    elif kind == "xlsx":
        body, mimetype = quarterly.to_xlsx(report), XLSX
    else:
        abort(404)
    response = Response(body, mimetype=mimetype)
    response.headers["Content-Disposition"] = f'attachment; filename="{name}.{kind}"'
    return response
