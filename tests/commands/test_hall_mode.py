"""`trainer serve --hall`: which network it serves and what it tells the app."""

from __future__ import annotations

import click
import pytest

from trainer.commands import hall_mode
from trainer.services.hall.hall_network import Interface, hall_interfaces

WIFI = Interface("wlan0", "192.168.43.10", wireless=True)


def test_hall_mode_puts_the_wifi_address_in_every_link_and_answers_only_to_it(make_app, content):
    app = make_app(content)

    binds = hall_mode.apply(app, WIFI, 5000)

    assert app.config["PUBLIC_BASE_URL"] == "http://192.168.43.10:5000"
    assert app.config["TRUSTED_HOSTS"] == ["192.168.43.10", "127.0.0.1", "localhost"]
    assert binds == ["192.168.43.10:5000", "127.0.0.1:5000"]


def test_a_public_address_and_trusted_hosts_that_were_set_stay(make_app, content):
    app = make_app(
        content, PUBLIC_BASE_URL="https://hoc.example.vn", TRUSTED_HOSTS="hoc.example.vn"
    )

    hall_mode.apply(app, WIFI, 5000)

    assert app.config["PUBLIC_BASE_URL"] == "https://hoc.example.vn"
    assert app.config["TRUSTED_HOSTS"] == ["hoc.example.vn"]


def test_wifi_comes_first_and_container_bridges_are_never_offered():
    found = [
        Interface("lo", "127.0.0.1", False),
        Interface("docker0", "172.17.0.1", False),
        Interface("eth0", "10.0.0.5", False),
        WIFI,
    ]

    assert [one.name for one in hall_interfaces(found)] == ["wlan0", "eth0"]


def test_an_interface_that_is_not_there_is_refused_with_the_ones_that_are():
    with pytest.raises(click.ClickException, match="Không thấy mạng khong-co .* lo"):
        hall_mode.choose("khong-co")
