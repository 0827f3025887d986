"""Behind nginx: the person's own address and scheme, and only the names the site answers to."""

from __future__ import annotations

import pytest

from tests.factories import PASSWORD, make_user
from tests.forms import post_form
from trainer.proxy import trusted_hosts

NGINX = "10.0.0.2"  # the proxy, as the app's server sees the connection


def behind_nginx(app, person: str, sent: str = ""):
    """A client whose requests reach the app through nginx from the address person.

    sent is an X-Forwarded-For the person wrote themselves; nginx appends their address.
    """
    client = app.test_client()
    forwarded = f"{sent}, {person}" if sent else person
    client.environ_base.update({"REMOTE_ADDR": NGINX, "HTTP_X_FORWARDED_FOR": forwarded})
    return client


def sign_in_as(client, login: str, password: str = PASSWORD):
    return post_form(client, "/dang-nhap", {"login": login, "password": password})


def fail_until_the_address_is_stopped(client, app) -> None:
    """Wrong passwords for many names from one address, up to that address's ceiling."""
    for number in range(app.config["LOGIN_ADDRESS_MAX_FAILURES"]):
        sign_in_as(client, f"khong-co-{number}", "sai-mat-khau")


@pytest.fixture
def proxied_app(make_app, content):
    return make_app(content, PROXY_COUNT=1, LOGIN_ADDRESS_MAX_FAILURES=4)


def test_wrong_passwords_from_one_person_behind_nginx_do_not_stop_another(proxied_app, session):
    make_user(session, username="minh")
    guesser = behind_nginx(proxied_app, "203.0.113.7")
    fail_until_the_address_is_stopped(guesser, proxied_app)

    neighbour = sign_in_as(behind_nginx(proxied_app, "203.0.113.8"), "minh")

    assert sign_in_as(guesser, "minh").status_code == 429
    assert neighbour.status_code == 302


def test_an_address_a_client_writes_itself_is_not_believed(proxied_app, session):
    make_user(session, username="minh")
    fail_until_the_address_is_stopped(behind_nginx(proxied_app, "203.0.113.7"), proxied_app)

    forged = behind_nginx(proxied_app, "203.0.113.7", sent="198.51.100.1")

    assert sign_in_as(forged, "minh").status_code == 429


def test_without_the_setting_a_forwarded_address_is_ignored(make_app, content, session):
    app = make_app(content, LOGIN_ADDRESS_MAX_FAILURES=4)
    make_user(session, username="minh")
    fail_until_the_address_is_stopped(behind_nginx(app, "203.0.113.7"), app)

    response = sign_in_as(behind_nginx(app, "203.0.113.8"), "minh")

    assert response.status_code == 429  # both are nginx's address to the app


def test_qr_codes_behind_an_https_proxy_point_at_https(proxied_app):
    client = behind_nginx(proxied_app, "203.0.113.7")

    page = client.get(
        "/bai-hoc/mat-khau/in",
        base_url="http://hoc.dienbien.example",
        headers={"X-Forwarded-Proto": "https"},
    ).get_data(as_text=True)

    assert "https://hoc.dienbien.example/bai-hoc/mat-khau" in page


def test_a_request_for_a_name_the_site_does_not_answer_to_is_refused(make_app, content):
    client = make_app(content, TRUSTED_HOSTS="hoc.dienbien.example").test_client()

    forged = client.get("/bai-hoc/mat-khau/in", base_url="http://lua-dao.example")
    honest = client.get("/bai-hoc/mat-khau/in", base_url="http://hoc.dienbien.example")

    assert forged.status_code == 400
    assert "http://lua-dao.example/bai-hoc" not in forged.get_data(as_text=True)
    assert honest.status_code == 200


def test_trusted_hosts_reads_a_comma_list_and_empty_means_any_name():
    assert trusted_hosts("hoc.dienbien.example, 192.168.1.10") == [
        "hoc.dienbien.example",
        "192.168.1.10",
    ]
    assert trusted_hosts("") is None
    assert trusted_hosts(None) is None
