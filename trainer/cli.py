"""The `trainer` command: thin wrappers over the content pipeline and the server."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from trainer import create_app
from trainer.config import Defaults
from trainer.content import build as content_build
from trainer.content.catalog import load_catalog


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
    """Check every lesson, topic, quiz and picture; print each problem as path:line: message."""
    _, problems = load_catalog(Path(content))
    for problem in problems:
        click.echo(str(problem))
    click.echo(f"{len(problems)} problem(s)" if problems else "No problems.", err=True)
    sys.exit(1 if problems else 0)


@cli.command()
def build():
    """Build pictures, audio and the search index into the instance folder."""
    app = create_app()
    report = content_build.build(
        Path(app.config["CONTENT_DIR"]),
        Path(app.config["BUILD_DIR"]),
        content_build.default_stages(app.config),
    )
    for line in report.lines:
        click.echo(line)
    if report.problems:
        click.echo(
            f"{len(report.problems)} content problem(s): those files are left out. "
            "Run `trainer check` for the list.",
            err=True,
        )


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
def serve(host: str, port: int, workers: int, threads: int):
    """Serve the site with gunicorn, a production WSGI server."""
    args = [
        "gunicorn",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--worker-class",
        "gthread",
        "--access-logfile",
        "-",
        "--no-control-socket",  # several servers on one machine must not share one socket
        "trainer:create_app()",
    ]
    click.echo(f"Serving on http://{host}:{port}/ (Ctrl+C stops)")
    os.execvp(sys.executable, [sys.executable, "-m", *args])
