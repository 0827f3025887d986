"""Certificates: a member's standing per topic, the printable certificate, its picture and
its Open Badges credential, an instructor's note of a skill shown, an admin's revoke form."""

from __future__ import annotations

from flask import (
    Blueprint,
    Response,
    abort,
    flash,
    redirect,
    render_template,
    request,
    url_for,
)

from trainer.extensions import db
from trainer.models import Certificate
from trainer.services.certification import certificates
from trainer.services.members.access import may_see
from trainer.web.certification.standing import (
    my_standings,
    signing_key,
    status_list_url,
    topic_title,
    verify_link_for,
    verify_url,
)
from trainer.web.core.access import (
    admin_required,
    current_user,
    instructor_required,
    login_required,
)
from trainer.web.core.catalog import current_catalog
from trainer.web.core.links import issuer_base_url, safe_next

bp = Blueprint("certificates", __name__)


@bp.get("/chung-nhan")
@login_required
def mine():
    catalog = current_catalog()
    return render_template(
        "certificates/mine.html",
        rows=my_standings(),
        quizzes=catalog.quizzes,
        guides=catalog.guides,
    )


def _visible(code: str) -> Certificate:
    """The certificate, to its holder, the instructors of their team and admins; else 404."""
    found = certificates.find(db.session, code)
    if found is None or not may_see(current_user, found.user):
        abort(404)
    return found


@bp.get("/chung-nhan/<code>")
@login_required
def show(code: str):
    found = _visible(code)
    state = certificates.verdict(found)
    link = verify_link_for(found)
    return render_template(
        "certificates/show.html",
        certificate=found,
        card=certificates.card(found, topic_title(found.topic)),
        state=state,
        verify=verify_url(found.code),
        qr=link.qr.svg_data_uri(scale=4, border=4) if state != "revoked" else None,
        sealed=link.sealed,
    )


@bp.get("/chung-nhan/<code>/anh.png")
@login_required
def image(code: str):
    from trainer.services.certification.certificate_image import (
        render_certificate,  # Pillow and segno
    )

    found = _visible(code)
    png = render_certificate(
        certificates.card(found, topic_title(found.topic)), verify_link_for(found).qr
    )
    response = Response(png, mimetype="image/png")
    if request.args.get("tai"):
        response.headers["Content-Disposition"] = (
            f'attachment; filename="chung-nhan-{found.topic}-{found.code}.png"'
        )
    response.cache_control.private = True
    return response


@bp.get("/chung-nhan/<code>/open-badge.json")
@login_required
def badge(code: str):
    """The certificate as an Open Badges 3.0 credential, signed with the server's key."""
    from trainer.services.certification import open_badge

    found = _visible(code)
    if certificates.verdict(found) != "valid":
        abort(404)
    document = open_badge.signed_credential(
        certificates.sealed_fields(found),
        topic_title(found.topic),
        issuer_base_url(),
        verify_url(found.code),
        signing_key(),
        status_list_url(),
    )
    response = Response(document, mimetype="application/ld+json")
    response.headers["Content-Disposition"] = (
        f'attachment; filename="chung-nhan-{found.topic}-{found.code}.json"'
    )
    response.cache_control.private = True
    return response


@bp.post("/chung-nhan/<code>/thuc-hanh")
@instructor_required
def demonstrated(code: str):
    found = _visible(code)
    if found.user_id == current_user.id:
        abort(403)
    try:
        certificates.record_demonstration(db.session, found.code, current_user.id)
        flash("Đã ghi: thành viên làm thành thạo trên điện thoại thật.", "success")
    except certificates.CertificateError as error:
        flash(str(error), "error")
    return redirect(safe_next(request.form.get("next"), url_for(".show", code=found.code)))


@bp.get("/quan-tri/thu-hoi")
@admin_required
def revoke_form():
    return render_template("certificates/revoke.html", code=request.args.get("ma", ""), error=None)


@bp.post("/quan-tri/thu-hoi")
@admin_required
def revoke():
    code, reason = request.form.get("code", ""), request.form.get("reason", "")
    try:
        found = certificates.revoke(db.session, code, reason, current_user.id)
    except certificates.CertificateError as error:
        page = render_template("certificates/revoke.html", code=code, reason=reason, error=error)
        return page, 400
    flash(f"Đã thu hồi giấy chứng nhận {found.code}.", "success")
    return redirect(url_for("verify.page", code=found.code))
