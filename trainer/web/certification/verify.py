"""The public verify page an official opens from a certificate's QR code (or by typing its
code), and the server's public key, for checking certificates offline with `trainer verify`.

No account needed. The page checks the seal's signature first, then this server's records
(revoked? expired?), and says which checks it could make, which key signed and whether this
server issued the certificate. The signed revocation list is published here too, for
checking with no connection.
"""

from __future__ import annotations

from pathlib import Path

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    url_for,
)

from trainer.extensions import db
from trainer.services.certification import certificates
from trainer.web.certification.standing import topic_title
from trainer.web.core.links import issuer_base_url

bp = Blueprint("verify", __name__)
PUBLIC_KEY = "/xac-minh/khoa-cong-khai.pem"
STATUS_LIST = "/xac-minh/danh-sach-thu-hoi.jwt"
STATUS = {"unknown": 404, "unreadable": 404}  # every other answer is 200


@bp.get("/xac-minh")
def lookup():
    code = request.args.get("ma", "").strip()
    if code:
        return redirect(url_for(".page", code=certificates.normal_code(code)))
    return render_template("certificates/lookup.html")


@bp.get(PUBLIC_KEY)
def public_key():
    """The current public key (PEM), as `trainer verify --public-key` reads it."""
    from trainer.services.certification import signing_keys

    path = signing_keys.folder(Path(current_app.instance_path)) / signing_keys.PUBLIC
    if not path.exists():
        abort(404)
    response = Response(path.read_bytes(), mimetype="application/x-pem-file")
    response.headers["Content-Disposition"] = 'inline; filename="khoa-cong-khai.pem"'
    return response


@bp.get(STATUS_LIST)
def status_list():
    """The revocation list as it stands, signed (W3C Bitstring Status List, as a JWT)."""
    from trainer.services.certification import signing_keys, status_list
    from trainer.web.certification.standing import status_list_url

    key = signing_keys.ensure_signing_key(Path(current_app.instance_path))
    document = status_list.signed_list(db.session, key, issuer_base_url() + "/", status_list_url())
    response = Response(document, mimetype="application/vc+jwt")
    response.headers["Content-Disposition"] = 'inline; filename="danh-sach-thu-hoi.jwt"'
    response.cache_control.no_cache = True  # a revocation shows at once
    return response


@bp.get("/xac-minh/<code>")
def page(code: str):
    """Public: the seal's signature, then the record; only name, team, topic and dates."""
    from trainer.services.certification import key_life, verification
    from trainer.services.records import received, servers

    keys = key_life.known_keys(Path(current_app.instance_path))
    keys += servers.registered_keys(db.session)  # the province: its communes' certificates
    found = received.with_communes_records(db.session, verification.check(db.session, code, keys))
    shown = found.sealed or (
        certificates.sealed_fields(found.certificate) if found.certificate else None
    )
    response = Response(
        render_template(
            "certificates/verify.html",
            found=found,
            shown=shown,
            topic=topic_title(shown.topic) if shown else "",
            has_keys=bool(keys),
            key_url=PUBLIC_KEY,
            list_url=STATUS_LIST,
        ),
        status=STATUS.get(found.state, 200),
    )
    response.headers["X-Robots-Tag"] = "noindex"
    response.cache_control.no_store = True  # a revocation shows at once
    return response
