from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
import requests
from playwright.sync_api import sync_playwright
from sqlalchemy.orm import Session

from tests.factories import copy_content
from tests.forms import Login
from tests.serving import serving
from trainer import create_app, database
from trainer.content.build import build
from trainer.speech.stage import audio_stage

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_terminal_summary(terminalreporter, config):
    """`make test` ends with its wall time (install, ruff, trainer check and pytest) and how
    busy the machine was, so a slow run on a loaded machine reads as such."""
    started = os.environ.get("MAKE_TEST_STARTED")
    if not started or hasattr(config, "workerinput"):
        return
    seconds = time.time() - float(started)
    workers = getattr(config.option, "numprocesses", None) or 0
    load = " / ".join(f"{value:.1f}" for value in os.getloadavg())
    terminalreporter.write_sep(
        "=",
        f"make test wall time: {seconds / 60:.1f} min ({seconds:.0f} s); "
        f"{workers or 'no'} xdist workers on {os.cpu_count()} cores; load average {load}",
    )


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """Tests never reach the internet: every request made through `requests` fails at once."""

    def refuse(self, request, **kwargs):
        raise requests.exceptions.ConnectionError(f"tests never reach the network: {request.url}")

    monkeypatch.setattr(requests.Session, "send", refuse)


@pytest.fixture(scope="session", autouse=True)
def own_instance_folder(tmp_path_factory):
    """An app made without an instance folder of its own gets this test process's, never
    the repository's instance/ (which every xdist worker, and `make run`, would share)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TRAINER_INSTANCE_PATH", str(tmp_path_factory.mktemp("instance")))
        yield


@pytest.fixture(scope="session")
def voiced_test_content(tmp_path_factory) -> Path:
    """The test content built with audio from the offline voice, once per test process.

    Read it only (as an app's BUILD_DIR); to build into a folder of a test's own, use
    build_with_voice.
    """
    content = copy_content(tmp_path_factory.mktemp("voiced") / "content")
    out = content.parent / "built"
    build(content, out, [audio_stage({"CONTENT_DIR": str(content), "SPEECH_ENGINES": "espeak"})])
    return out


@pytest.fixture
def build_with_voice(voiced_test_content):
    """build_with_voice(content, out): the real build with the offline voice on content into
    out, starting from the clips voiced_test_content made, so only changed text is voiced."""

    def run(content: Path, out: Path) -> Path:
        shutil.copytree(voiced_test_content, out)
        stage = audio_stage({"CONTENT_DIR": str(content), "SPEECH_ENGINES": "espeak"})
        build(content, out, [stage])
        return out

    return run


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A writable copy of the small test content tree."""
    return copy_content(tmp_path / "content")


@pytest.fixture
def make_app(tmp_path: Path, monkeypatch, migrated_database: Path):
    """Build the real app on a content tree, with its instance folder in tmp_path."""
    monkeypatch.setenv("TRAINER_INSTANCE_PATH", str(tmp_path / "instance"))

    def make(content_dir: Path, **config):
        instance = tmp_path / "instance"
        instance.mkdir(exist_ok=True)
        if "DATABASE_URL" not in config and not (instance / "trainer.sqlite").exists():
            shutil.copyfile(migrated_database, instance / "trainer.sqlite")
        return create_app({"TESTING": True, "CONTENT_DIR": str(content_dir), **config})

    return make


@pytest.fixture
def app(make_app, content):
    return make_app(content)


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def migrated_database(tmp_path_factory) -> Path:
    """An SQLite file brought to the newest schema by the real migrations, once per run."""
    path = tmp_path_factory.mktemp("schema") / "trainer.sqlite"
    database.upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture
def session(app):
    """A session of the test's own, as another process would have, in autocommit mode.

    Each query sees what requests committed; objects already loaded keep their values
    until `session.refresh(obj)` or `session.expire_all()`.
    """
    engine = database.make_engine(app.config["DATABASE_URL"])
    with Session(engine.execution_options(isolation_level="AUTOCOMMIT")) as session:
        yield session
    engine.dispose()


@pytest.fixture
def login(client):
    """login(user) signs the test client in through the real form; login.token(path) too."""
    return Login(client)


@pytest.fixture
def live_server(app):
    """The real app over real HTTP on a free loopback port, for the browser."""
    with serving(app) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright; never a downloaded browser build."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test` installs Debian's chromium package")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def phone(browser):
    """A page on a cheap phone's screen: 360 × 640."""
    context = browser.new_context(viewport={"width": 360, "height": 640}, locale="vi-VN")
    page = context.new_page()
    yield page
    context.close()
