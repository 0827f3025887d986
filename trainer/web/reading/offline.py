"""Topics on the phone for places with no signal (over HTTPS or on localhost).

The service worker (`/sw.js`, at the root so it serves every page), the app manifest, the
page shown with no signal, each topic's pack (every file with its size, for the phone to
download), and a fresh form token for forms the phone kept while offline.
"""

from __future__ import annotations

import hashlib
import json

from flask import (
    Blueprint,
    Response,
    abort,
    jsonify,
    render_template,
    url_for,
)
from flask_wtf.csrf import generate_csrf

from trainer.extensions import db
from trainer.services.certification import certificates
from trainer.services.reading.topic_pack import Links, topic_pack
from trainer.web.core.access import current_user, login_required
from trainer.web.core.catalog import current_catalog
from trainer.web.core.files import STATIC_DIR, asset_url, picture_size
from trainer.web.core.page_bodies import page_body
from trainer.web.listening.narration import current_audio
from trainer.web.members import progress
from trainer.web.reading import videos

bp = Blueprint("offline", __name__)
# What the phone keeps from its first visit, so the site opens with no signal.
SHELL_ASSETS = (
    "site.css",
    "field.css",
    "offline.js",
    "offline-store.js",
    "download.js",
    "visit-log.js",
    "narration.js",
    "progress.js",
    "icons/app-192.png",
)
THEME = "#0b4f8a"


@bp.get("/sw.js")
def worker():
    """The service worker, with the addresses it needs put in front of it."""
    log = url_for("visit_log.log")
    settings = {
        "shell": [url_for("offline.page"), url_for("pages.home")]
        + [asset_url(name) for name in SHELL_ASSETS],
        "offline": url_for("offline.page"),
        "token": url_for("offline.token"),
        "store": asset_url("offline-store.js"),
        "queued": [log, progress.bp.url_prefix + "/"],
        "log": log,
        "logout": url_for("auth.logout"),
    }
    code = (STATIC_DIR / "sw.js").read_text(encoding="utf-8")
    digest = hashlib.sha256((json.dumps(settings, sort_keys=True) + code).encode())
    settings["version"] = digest.hexdigest()[:12]
    body = f"self.TRAINER = {json.dumps(settings, ensure_ascii=False)};\n{code}"
    response = Response(body, mimetype="text/javascript")
    response.cache_control.no_cache = True
    return response


@bp.get("/app.webmanifest")
def manifest():
    """What a phone needs to install the site as an app on its home screen."""
    icons = [
        {"src": asset_url(f"icons/app-{size}.png"), "sizes": f"{size}x{size}",
         "type": "image/png", "purpose": "any maskable"}
        for size in (192, 512)
    ]  # fmt: skip
    data = {
        "name": "Học kỹ năng số — Tổ Công nghệ số cộng đồng",
        "short_name": "Kỹ năng số",
        "lang": "vi",
        "start_url": url_for("pages.home"),
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": THEME,
        "icons": icons,
    }
    return Response(json.dumps(data, ensure_ascii=False), mimetype="application/manifest+json")


@bp.get("/ngoai-tuyen")
def page():
    """Shown for a page that was never downloaded, when there is no signal."""
    return render_template("offline/page.html")


@bp.get("/cua-toi/ma-gui")
@login_required
def token():
    """A fresh anti-forgery token, for forms the phone sends after being offline."""
    response = jsonify(csrf_token=generate_csrf(), account=current_user.id)
    response.cache_control.no_store = True
    return response


@bp.get("/chu-de/<slug>/goi.json")
def pack(slug: str):
    """Every file of the topic the phone keeps, with its size; the field guide only for a
    member certified in the topic, the visit log for a member of a team."""
    catalog = current_catalog()
    topic = catalog.topic(slug) or abort(404)
    signed_in = current_user.is_authenticated
    guide = (
        signed_in
        and slug in catalog.guides
        and certificates.holds_valid(db.session, current_user.id, slug)
    )
    extra = (url_for("visit_log.log"),) if signed_in and current_user.team_id else ()
    # Pages that need an account are measured as this member gets them; the others as a
    # reader gets them, so their hash changes only with their content.
    personal = {url_for("field_guides.guide", topic=slug), *extra}
    links = Links(
        topic=lambda s: url_for("pages.topic", slug=s),
        lesson=lambda s: url_for("pages.lesson", slug=s),
        guide=lambda s: url_for("field_guides.guide", topic=s),
        media=lambda name: url_for("files.media", name=name),
        audio=lambda name: url_for("audio.clip", name=name),
        page=lambda url: page_body(url, as_member=url in personal),
        picture_size=picture_size,
    )
    lessons = catalog.lessons_in(slug)
    found = topic_pack(
        topic,
        lessons,
        catalog.pictures,
        current_audio(),
        links,
        guide=guide,
        extra_pages=extra,
        videos=tuple(file for lesson in lessons for file in videos.pack_files(lesson)),
    )
    response = jsonify(found.as_json())
    if signed_in:  # it lists the member's own pages: no cache keeps it
        response.cache_control.private = True
        response.cache_control.no_store = True
    else:
        response.cache_control.no_cache = True
    return response
