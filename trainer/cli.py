"""The `trainer` command: thin wrappers over the content pipeline and the server.

Commands import the web app, the database and the pipeline only when they run, so
`trainer check` loads neither Flask nor SQLAlchemy, and `create-user` makes no pictures.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from trainer.commands import item_stats, signing
from trainer.commands.audio_packs import audio
from trainer.commands.speech_text import speech_text
from trainer.config import Defaults
from trainer.content.catalog import bank_warnings, load_catalog
from trainer.speech.text import read_pronunciations


@click.group()
def cli():
    """Lessons, audio and certification for Tổ Công nghệ số cộng đồng."""


@cli.command()
@click.option(
    "--content",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=lambda: os.environ.get("TRAINER_CONTENT_DIR", Defaults.CONTENT_DIR),
    help="Folder holding lessons/, media/ and quizzes/.",
)
def check(content: Path):
    """Check every lesson, topic, quiz and picture; print each problem as path:line: message.

    Warnings (a lesson no quiz item tests, a long sentence) are printed too but do not fail.
    """
    catalog, problems = load_catalog(Path(content))
    problems = sorted({*problems, *read_pronunciations(Path(content))[1]})  # how voices say words
    warnings = [*bank_warnings(catalog), *catalog.advice()]
    for problem in problems + warnings:
        click.echo(str(problem))
    summary = f"{len(problems)} problem(s)" if problems else "No problems"
    click.echo(f"{summary}, {len(warnings)} warning(s)." if warnings else f"{summary}.", err=True)
    sys.exit(1 if problems else 0)


@cli.command("content-stats")
@click.option(
    "--content",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=lambda: os.environ.get("TRAINER_CONTENT_DIR", Defaults.CONTENT_DIR),
    help="Folder holding lessons/, media/ and quizzes/.",
)
@click.option(
    "--build",
    "build_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Build folder whose audio/manifest.json says which steps have audio "
    "(default: the app's TRAINER_BUILD_DIR).",
)
@click.option(
    "--trials",
    type=click.IntRange(min=0),
    default=500,
    show_default=True,
    help="Attempts each guesser plays per bank; 0 leaves the guessers' table out.",
)
def content_stats(content: Path, build_dir: Path | None, trials: int):
    """Lessons, steps, words per step, pictures, audio and question banks per topic and language;
    each guesser's pass rate per bank, and the items per lesson step."""
    from trainer.app import settings_app
    from trainer.content import stats as content_stats_report
    from trainer.services.certification.guess_odds import bank_odds
    from trainer.speech import manifest
    from trainer.speech.stage import AUDIO

    if build_dir is None:
        build_dir = Path(settings_app().config["BUILD_DIR"])
    stats = content_stats_report.collect(Path(content), manifest.built(Path(build_dir) / AUDIO))
    odds = {bank.topic: bank_odds(bank.quiz, trials) for bank in stats.banks if trials}
    for line in content_stats_report.render(stats, odds):
        click.echo(line)


@cli.command()
def build():
    """Build pictures, audio, the search index and the checked catalog into the instance folder."""
    from trainer import pipeline
    from trainer.app import settings_app
    from trainer.content import build as content_build

    app = settings_app()
    report = content_build.build(
        Path(app.config["CONTENT_DIR"]),
        Path(app.config["BUILD_DIR"]),
        pipeline.default_stages(app.config),
    )
    for line in report.lines:
        click.echo(line)
    _certificate_key(Path(app.instance_path))
    if report.problems:
        click.echo(
            f"{len(report.problems)} content problem(s): those files are left out. "
            "Run `trainer check` for the list.",
            err=True,
        )


def _certificate_key(instance: Path) -> None:
    """Make the certificate-signing key on a fresh install, so the first certificate's QR
    code carries a signed seal with no extra step."""
    from trainer.services.certification import signing_keys

    if signing_keys.signing_key(instance) is None:
        signing_keys.ensure_signing_key(instance)
        click.echo(f"Made the certificate-signing key in {signing_keys.folder(instance)}.")


@cli.command()
@click.option(
    "--host", default=lambda: os.environ.get("HOST", "127.0.0.1"), show_default="HOST or 127.0.0.1"
)
@click.option(
    "--port",
    default=lambda: int(os.environ.get("PORT", "5000")),
    type=int,
    show_default="PORT or 5000",
)
@click.option("--workers", default=2, show_default=True, help="App processes.")
@click.option("--threads", default=4, show_default=True, help="Threads per process.")
@click.option(
    "--hall",
    is_flag=True,
    help="For the culture house: listen on the laptop's Wi-Fi (and 127.0.0.1) and put that "
    "address in every QR code and address shown to the hall (--host is not used).",
)
@click.option(
    "--interface",
    default=lambda: os.environ.get("HALL_INTERFACE") or None,
    help="With --hall: the network phones are on (wlan0, …); asked when there are several.",
)
def serve(host: str, port: int, workers: int, threads: int, hall: bool, interface: str | None):
    """Serve the site with gunicorn, a production WSGI server."""
    from trainer import database, serving
    from trainer.app import create_app, settings_app

    chosen = None
    if hall:
        from trainer.commands import hall_mode

        chosen = hall_mode.choose(interface)
    database.upgrade(settings_app().config["DATABASE_URL"])
    app = create_app()
    binds = [f"{host}:{port}"]
    if chosen is not None:
        binds = hall_mode.apply(app, chosen, port)
        click.echo(f"Điện thoại trong hội trường mở: {app.config['PUBLIC_BASE_URL']}/")
    click.echo(f"Serving on {', '.join(f'http://{bind}/' for bind in binds)} (Ctrl+C stops)")
    serving.serve(app, binds, workers, threads)


@cli.command("db-upgrade")
def db_upgrade():
    """Bring the database to the newest schema; `trainer serve` does this by itself."""
    from trainer import database
    from trainer.app import settings_app

    url = settings_app().config["DATABASE_URL"]
    database.upgrade(url)
    click.echo(f"Database is at migration {database.current_revision(url)}.")


@cli.command("create-user")
@click.option("--role", type=click.Choice(["admin", "instructor", "member"]), required=True)
@click.option("--name", "full_name", prompt="Họ và tên", help="Full name.")
@click.option("--login", prompt="Tên đăng nhập hoặc số điện thoại", help="Username or phone.")
@click.option("--team", "teams", multiple=True, help="A team to manage (repeat) or join.")
@click.password_option("--password", prompt="Mật khẩu", help="Asked for when not given.")
def create_user(role: str, full_name: str, login: str, teams: tuple[str, ...], password: str):
    """Create an admin or instructor (or a member) account."""
    from trainer import database
    from trainer.app import settings_app
    from trainer.extensions import db
    from trainer.services.members import accounts

    app = settings_app()
    database.upgrade(app.config["DATABASE_URL"])
    with app.app_context():
        try:
            user = accounts.create_user(db.session, full_name, login, password, role, teams)
        except accounts.AccountError as error:
            raise click.ClickException(error.message) from error
        click.echo(f"Created {user.role} {user.full_name} ({user.login_name}).")


cli.add_command(speech_text)
cli.add_command(audio)
for command in (signing.keys, signing.verify, item_stats.item_stats):
    cli.add_command(command)
