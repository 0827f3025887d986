"""The province's report for the Department's staff (read-only) and admins: one row per
commune, the province's total, the communes whose figures have not all come, as a page to
print and an Excel file."""

from __future__ import annotations

from flask import Blueprint, Response, abort, render_template

from trainer.extensions import db
from trainer.models import Role
from trainer.services.common import clock
from trainer.services.field import targets
from trainer.services.reports import province_report, report_workbook
from trainer.web.certification.report_period import chosen_period
from trainer.web.certification.reports import XLSX, report_topics
from trainer.web.certification.standing import lessons_by_topic
from trainer.web.core.access import role_required
from trainer.web.core.catalog import current_catalog

bp = Blueprint("province", __name__, url_prefix="/tinh")
province_staff = role_required(Role.PROVINCE, Role.ADMIN)


def _report():
    choice = chosen_period()
    report = province_report.province_report(
        db.session,
        choice.period,
        report_topics(),
        lessons_by_topic(),
        targets.indicators(current_catalog().outcomes),
        made_on=clock.local_day(clock.now()),
        deadline=choice.deadline,
    )
    return report, choice


@bp.get("/")
@province_staff
def page():
    report, choice = _report()
    return render_template(
        "province/report.html",
        report=report,
        choice=choice,
        tables=province_report.province_tables(report),
        provinces=_provinces(report),
        signers=report_workbook.SIGNERS,
        sign_hints=report_workbook.SIGN_HINTS,
    )


@bp.get("/tai.<kind>")
@province_staff
def download(kind: str):
    if kind != "xlsx":
        abort(404)
    report, _ = _report()
    heading = report_workbook.heading_lines(province_report.TITLE, _provinces(report), report)
    body = report_workbook.workbook(heading, province_report.province_tables(report), report)
    response = Response(body, mimetype=XLSX)
    name = f"bao-cao-tinh-{report.period.slug}.xlsx"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _provinces(report) -> str:
    names = sorted({c.province for c in report.figures.communes if c.province})
    return "Tỉnh " + ", ".join(names) if names else "Các xã, phường"
