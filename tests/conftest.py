from __future__ import annotations

from pathlib import Path

import pytest

from tests.factories import copy_content
from trainer import create_app


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A writable copy of the small test content tree."""
    return copy_content(tmp_path / "content")


@pytest.fixture
def make_app(tmp_path: Path, monkeypatch):
    """Build the real app on a content tree, with its instance folder in tmp_path."""
    monkeypatch.setenv("TRAINER_INSTANCE_PATH", str(tmp_path / "instance"))

    def make(content_dir: Path, **config):
        return create_app({"TESTING": True, "CONTENT_DIR": str(content_dir), **config})

    return make


@pytest.fixture
def app(make_app, content):
    return make_app(content)


@pytest.fixture
def client(app):
    return app.test_client()
