"""What a phone needs to keep topics for places with no signal, as the server gives it."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime

import pytest
import sqlalchemy as sa
from PIL import Image

from tests.factories import make_team, make_user
from tests.services.visit_entries import certify
from trainer.models import LessonProgress, User


def worker_settings(client) -> dict:
    body = client.get("/sw.js").get_data(as_text=True)
    first = body.split("\n", 1)[0]
    return json.loads(first.removeprefix("self.TRAINER = ").removesuffix(";"))


def test_the_service_worker_is_served_from_the_root_and_never_kept_stale(client):
    response = client.get("/sw.js")

    assert response.mimetype == "text/javascript"
    assert "no-cache" in response.headers["Cache-Control"]
    assert "importScripts(TRAINER.store)" in response.get_data(as_text=True)


def test_every_file_the_worker_keeps_at_install_is_there(client):
    # One missing file and the browser refuses to install the worker at all.
    settings = worker_settings(client)

    answers = {url: client.get(url).status_code for url in settings["shell"]}

    assert set(answers.values()) == {200}
    assert settings["offline"] in settings["shell"]


def test_the_worker_changes_when_a_file_it_keeps_changes(client, monkeypatch):
    from trainer.web.reading import offline

    before = worker_settings(client)["version"]
    monkeypatch.setattr(offline, "SHELL_ASSETS", offline.SHELL_ASSETS[:-1])

    assert worker_settings(client)["version"] != before


def test_the_app_manifest_names_the_site_and_its_icons_at_their_sizes(client):
    manifest = json.loads(client.get("/app.webmanifest").get_data(as_text=True))

    assert (manifest["start_url"], manifest["display"], manifest["lang"]) == (
        "/",
        "standalone",
        "vi",
    )
    for icon in manifest["icons"]:
        picture = Image.open(io.BytesIO(client.get(icon["src"]).get_data()))
        assert f"{picture.width}x{picture.height}" == icon["sizes"]
    assert {icon["sizes"] for icon in manifest["icons"]} == {"192x192", "512x512"}


def test_every_page_links_the_manifest(client):
    assert '<link rel="manifest" href="/app.webmanifest">' in client.get("/").get_data(as_text=True)


def test_a_readers_pack_lists_the_topics_pages_and_pictures_with_their_real_sizes(client):
    pack = client.get("/chu-de/an-toan/goi.json").json

    urls = {entry["url"]: entry for entry in pack["files"]}
    assert {"/chu-de/an-toan", "/bai-hoc/mat-khau", "/bai-hoc/lua-dao"} <= set(urls)
    assert "/so-tay/an-toan" not in urls and "/cua-toi/nhat-ky" not in urls
    for entry in pack["files"]:
        assert len(client.get(entry["url"]).get_data()) == entry["size"], entry["url"]
    assert pack["size"] == sum(entry["size"] for entry in pack["files"])


def test_a_certified_member_gets_the_field_guide_and_the_visit_log_too(client, login, session):
    member = make_user(session, team=make_team(session))
    certify(session, member, at=datetime(2026, 1, 1, tzinfo=UTC))
    login(member)

    answer = client.get("/chu-de/an-toan/goi.json")

    urls = [entry["url"] for entry in answer.json["files"]]
    assert "/so-tay/an-toan" in urls and "/cua-toi/nhat-ky" in urls
    assert answer.headers["Cache-Control"] in ("private, no-store", "no-store, private")


def test_a_member_not_certified_gets_no_field_guide(client, login, session):
    login(make_user(session, team=make_team(session)))

    urls = [entry["url"] for entry in client.get("/chu-de/an-toan/goi.json").json["files"]]

    assert "/so-tay/an-toan" not in urls and "/cua-toi/nhat-ky" in urls


def test_making_a_pack_or_downloading_a_lesson_does_not_count_as_opening_it(client, login, session):
    login(make_user(session, team=make_team(session)))

    client.get("/chu-de/an-toan/goi.json")
    client.get("/bai-hoc/mat-khau", headers={"X-Trainer-Download": "1"})

    assert session.scalar(sa.select(sa.func.count()).select_from(LessonProgress)) == 0


def test_a_fresh_form_token_is_given_only_to_a_signed_in_member(client, login, session):
    assert client.get("/cua-toi/ma-gui").status_code == 302
    login(make_user(session))

    answer = client.get("/cua-toi/ma-gui")

    assert answer.json["csrf_token"] and "no-store" in answer.headers["Cache-Control"]
    assert answer.json["account"] == session.scalar(sa.select(User.id))


@pytest.mark.parametrize("path", ["/bai-hoc/mat-khau/in", "/bai-hoc/lua-dao/in"])
def test_over_plain_http_the_topic_page_offers_handouts_instead(client, path):
    page = client.get("/chu-de/an-toan").get_data(as_text=True)

    box = page[page.index("data-offline-topic") :]
    assert "địa chỉ an toàn" in box and f'href="{path}"' in box
    assert "<div data-secure hidden>" in box
