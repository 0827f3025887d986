"""`trainer records`: a commune server sends its records to the province (push over
HTTP(S), or export to a file); the province registers commune servers and imports files."""

from __future__ import annotations

import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import click


@click.group()
def records():
    """Send records to the province, or take them in there."""


@contextmanager
def _database():
    from trainer import database
    from trainer.app import settings_app
    from trainer.extensions import db

    app = settings_app()
    database.upgrade(app.config["DATABASE_URL"])
    with app.app_context():
        yield app, db.session


@records.command()
@click.option("--to", "url", default=None, help="The province's address (or RECORDS_PROVINCE_URL).")
@click.option("--every", type=float, default=0, help="Keep pushing, every this many minutes.")
def push(url: str | None, every: float):
    """Send what the province has not acknowledged yet, over HTTP(S)."""
    from trainer.services.records import identity, sending

    with _database() as (app, session):
        url = url or app.config["RECORDS_PROVINCE_URL"]
        if not url:
            raise click.ClickException("Chưa có địa chỉ của tỉnh: --to https://… ")
        while True:
            try:
                sent = sending.push(session, Path(app.instance_path), url)
                click.echo(f"Đã gửi {sent.records} bản ghi; tỉnh nhận {sent.changed} bản ghi mới.")
            except identity.NoKey as error:
                raise click.ClickException(str(error)) from error
            except sending.SendFailed as error:
                if not every:
                    raise click.ClickException(str(error)) from error
                click.echo(str(error), err=True)
            if not every:
                return
            time.sleep(every * 60)


@records.command()
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
def export(target: Path):
    """Write every record the province has not acknowledged into one signed file."""
    from trainer.services.records import identity, sending

    with _database() as (app, session):
        try:
            sent = sending.export(session, Path(app.instance_path), target)
        except identity.NoKey as error:
            raise click.ClickException(str(error)) from error
    click.echo(f"Đã ghi {sent.records} bản ghi vào {target}. Gửi tệp này cho Sở.")


@records.command("import")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_(source: Path):
    """Take in a pack a commune sent (province)."""
    from trainer.services.records import intake
    from trainer.services.records.pack_format import NotAPack

    with _database() as (_, session):
        try:
            taken = intake.take(session, source.read_bytes())
        except NotAPack as error:
            raise click.ClickException(str(error)) from error
    again = " (gói này đã được nhận trước đây)" if taken.again else ""
    click.echo(
        f"Đã nhận gói của {taken.server}: {taken.records} bản ghi, "
        f"{taken.changed} mới hoặc thay đổi{again}."
    )


@records.command()
@click.option("--name", required=True, help='The commune, as the province calls it ("Xã …").')
@click.argument("key_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def register(name: str, key_file: Path):
    """Accept packs and certificates from the server with this public key (province)."""
    from trainer.services.records import servers

    with _database() as (_, session):
        try:
            done = servers.register(session, name, key_file.read_bytes())
        except servers.NotAKey as error:
            raise click.ClickException(str(error)) from error
    verb = "Đã đăng ký" if done.new else "Đã đổi tên"
    click.echo(f"{verb} {done.name} ({done.fingerprint}).")


def start_pusher(config) -> subprocess.Popen | None:
    """With RECORDS_PROVINCE_URL set, `trainer records push --every N` beside the server;
    the caller stops it when the server stops."""
    if not config.get("RECORDS_PROVINCE_URL"):
        return None
    minutes = str(float(config.get("RECORDS_PUSH_MINUTES") or 60))
    command = [sys.executable, "-m", "trainer.cli", "records", "push", "--every", minutes]
    return subprocess.Popen(command)
