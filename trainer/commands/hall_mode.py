"""`trainer serve --hall`: serve the culture house's Wi-Fi at the address phones can open.

Finds the laptop's Wi-Fi or hotspot address (asks the instructor when there are several),
listens there and on 127.0.0.1, and makes that address the one every QR code and address
shown to the hall uses, unless TRAINER_PUBLIC_BASE_URL says otherwise. With no
TRAINER_TRUSTED_HOSTS set, the site then answers only to the addresses it serves on, so a
made-up Host header never costs a poster's drawing.
"""

from __future__ import annotations

import sys

import click
from flask import Flask

from trainer.services.hall.hall_network import Interface, hall_interfaces, interfaces
from trainer.web.core.links import configured_public_base_url

LOOPBACK = "127.0.0.1"


def choose(name: str | None) -> Interface:
    """The interface phones reach the laptop on: `name`, the only one, or the one the
    instructor picks (the first Wi-Fi when nobody can be asked)."""
    found = interfaces()
    if name:
        chosen = [one for one in found if one.name == name]
        if not chosen:
            known = ", ".join(f"{one.name} ({one.address})" for one in found) or "không có"
            raise click.ClickException(
                f"Không thấy mạng {name} có địa chỉ IPv4. Các mạng đang bật: {known}."
            )
        return chosen[0]
    usable = hall_interfaces(found)
    if not usable:
        raise click.ClickException(
            "Máy này chưa vào mạng Wi-Fi nào. Hãy bật Wi-Fi hoặc điểm phát (hotspot) "
            "rồi chạy lại; hoặc chọn mạng bằng --interface TÊN."
        )
    if len(usable) == 1:
        return usable[0]
    click.echo("Máy này có nhiều mạng. Điện thoại trong hội trường vào mạng nào?")
    for number, one in enumerate(usable, 1):
        kind = "Wi-Fi" if one.wireless else "mạng dây hoặc khác"
        click.echo(f"  {number}. {one.name}  {one.address}  ({kind})")
    if not sys.stdin.isatty():
        click.echo(f"Dùng {usable[0].name}; chọn mạng khác bằng --interface TÊN.")
        return usable[0]
    number = click.prompt("Số", type=click.IntRange(1, len(usable)), default=1)
    return usable[number - 1]


def apply(app: Flask, chosen: Interface, port: int) -> list[str]:
    """Set the app up for the hall on chosen; the addresses to listen on."""
    base = f"http://{chosen.address}" + ("" if port == 80 else f":{port}")
    if not configured_public_base_url(app.config):
        app.config["PUBLIC_BASE_URL"] = base
    if not app.config["TRUSTED_HOSTS"]:
        app.config["TRUSTED_HOSTS"] = [chosen.address, LOOPBACK, "localhost"]
    return [f"{chosen.address}:{port}", f"{LOOPBACK}:{port}"]
