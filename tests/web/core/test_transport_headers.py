"""With an https public address every answer (pages, files, downloads, errors) carries
Strict-Transport-Security, over a real HTTP connection; every page refuses to be framed."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from tests.serving import serving

PUBLIC = "https://hoc.cnscd.example.vn"


@pytest.fixture
def https_app(make_app, content):
    return make_app(content, PUBLIC_BASE_URL=PUBLIC)


def fetch(url: str):
    """(status, headers) of a GET over a real connection, errors included."""
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/bai-hoc/mat-khau",
        "/bai-hoc/mat-khau/in",
        "/bai-hoc/mat-khau/ap-phich.png",
        "/xac-minh",
        "/dang-nhap",
        "/sw.js",
        "/khong-co-trang-nay",
    ],
)
def test_an_https_public_address_puts_hsts_on_pages_downloads_and_errors(https_app, path):
    with serving(https_app) as url:
        status, headers = fetch(url + path)

    assert status in (200, 404)
    assert headers["Strict-Transport-Security"] == "max-age=31536000"
    assert headers["X-Frame-Options"] == "DENY"


def test_a_built_picture_and_a_static_file_carry_hsts_too(https_app):
    client = https_app.test_client()
    page = client.get("/bai-hoc/mat-khau").get_data(as_text=True)
    picture = page.split('src="/media/', 1)[1].split('"', 1)[0]
    style = page.split('href="/static/', 1)[1].split('"', 1)[0]

    answers = [client.get(f"/media/{picture}"), client.get(f"/static/{style}")]

    assert [a.status_code for a in answers] == [200, 200]
    assert all(a.headers["Strict-Transport-Security"] == "max-age=31536000" for a in answers)


def test_a_plain_http_site_on_a_halls_wifi_sends_no_hsts_but_still_refuses_frames(client):
    response = client.get("/")

    assert "Strict-Transport-Security" not in response.headers
    assert response.headers["X-Frame-Options"] == "DENY"
