"""Only for admins: add and import teams and members, change roles, assign instructors."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, request, url_for

from trainer.extensions import db
from trainer.services.members import accounts, member_import, people, teams
from trainer.web.core.access import admin_required
from trainer.web.core.forms import PageForm
from trainer.web.core.ids import record_id
from trainer.web.core.limits import uploaded_bytes
from trainer.web.members.admin_forms import ImportForm, InstructorForm, RoleForm, TeamForm

bp = Blueprint("admin", __name__, url_prefix="/quan-tri")


@bp.route("/to-moi", methods=["GET", "POST"])
@admin_required
def new_team():
    form = TeamForm()
    if form.validate_on_submit():
        try:
            team = teams.create_team(
                db.session,
                form.name.data,
                form.commune.data,
                "",  # since 1 July 2025 there are no districts: never asked for
                form.province.data or "",
            )
        except accounts.AccountError as error:
            db.session.rollback()
            getattr(form, error.field).errors = [error.message]
        else:
            flash(f"Đã tạo {team.name}.", "success")
            return redirect(url_for("teams.show", team_id=team.id))
    return render_template("admin/new_team.html", form=form)


@bp.route("/nhap", methods=["GET", "POST"])
@admin_required
def import_csv():
    form = ImportForm()
    report = None
    if form.validate_on_submit() and (data := uploaded_bytes(form.file)) is not None:
        run = (
            member_import.import_teams
            if form.kind.data == "teams"
            else member_import.import_members
        )
        report = run(db.session, data, form.encoding.data)
    return render_template("admin/import.html", form=form, report=report)


@bp.get("/tai-khoan")
@admin_required
def people_list():
    query = request.args.get("q", "").strip()
    found = people.search(db.session, query)
    return render_template(
        "admin/people.html",
        people=found,
        query=query,
        form=RoleForm(),
        team_choices=teams.team_choices(db.session),
    )


@bp.post("/tai-khoan/<int:user_id>/vai-tro")
@admin_required
def set_role(user_id: int):
    form = RoleForm()
    if not form.validate_on_submit():
        flash("Chưa đổi được vai trò. Hãy thử lại.", "error")
    elif user := _refused_or(accounts.set_role, user_id, form.role.data):
        flash(f"{user.full_name} giờ là {user.role_name.lower()}.", "success")
    return redirect(url_for("admin.people_list", q=request.args.get("q") or None))


@bp.post("/to/<int:team_id>/giang-vien")
@admin_required
def add_instructor(team_id: int):
    form = InstructorForm()
    if not form.validate_on_submit():
        flash("Hãy chọn một giảng viên.", "error")
    elif team := _refused_or(people.assign_instructor, team_id, form.instructor.data):
        flash(f"Đã giao {team.name} cho giảng viên.", "success")
    return redirect(url_for("teams.show", team_id=team_id))


@bp.post("/to/<int:team_id>/giang-vien/<int:user_id>/bo")
@admin_required
def remove_instructor(team_id: int, user_id: int):
    if PageForm().validate_on_submit() and (
        team := _refused_or(people.unassign_instructor, team_id, user_id)
    ):
        flash(f"Giảng viên không còn quản lý {team.name}.", "success")
    return redirect(url_for("teams.show", team_id=team_id))


@bp.post("/tai-khoan/<int:user_id>/khoa")
@admin_required
def switch_account(user_id: int):
    switch_on = request.form.get("active") == "1"
    if PageForm().validate_on_submit() and (
        user := _refused_or(accounts.set_active, user_id, switch_on)
    ):
        flash(f"Đã {'mở khóa' if switch_on else 'khóa'} tài khoản của {user.full_name}.", "success")
    return redirect(url_for("admin.people_list", q=request.args.get("q") or None))


@bp.post("/tai-khoan/<int:user_id>/to")
@admin_required
def move_member(user_id: int):
    team_id = request.form.get("team", type=record_id)
    if user := _refused_or(people.move_to_team, user_id, team_id):
        flash(f"{user.full_name} giờ thuộc {user.team.name}.", "success")
    return redirect(url_for("admin.people_list", q=request.args.get("q") or None))


def _refused_or(change, *args):
    """What change(session, *args) returns; None, with its message shown, when refused."""
    try:
        return change(db.session, *args)
    except accounts.AccountError as error:
        flash(error.message, "error")
        return None
