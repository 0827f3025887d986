"""Which package may import which: checked in a fresh interpreter, as a command would run."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

IMPORT_ALL = """
import importlib, pkgutil, sys
import trainer.{package}
for found in pkgutil.walk_packages(trainer.{package}.__path__, "trainer.{package}."):
    importlib.import_module(found.name)
print(" ".join(sorted(sys.modules)))
"""


def modules_loaded_by(package: str) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", IMPORT_ALL.format(package=package)],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(done.stdout.split())


def test_the_content_pipeline_loads_neither_flask_nor_sqlalchemy():
    loaded = modules_loaded_by("content")

    assert "flask" not in loaded
    assert "sqlalchemy" not in loaded


def test_speech_loads_neither_flask_nor_sqlalchemy():
    loaded = modules_loaded_by("speech")

    assert "flask" not in loaded
    assert "sqlalchemy" not in loaded


def test_content_stands_below_speech_and_never_imports_it():
    loaded = modules_loaded_by("content")

    assert not {name for name in loaded if name.startswith("trainer.speech")}


def test_the_package_root_still_gives_gunicorn_its_app_factory():
    done = subprocess.run(
        [sys.executable, "-c", "import trainer; print(trainer.create_app.__module__)"],
        capture_output=True,
        text=True,
        check=True,
    )

    assert done.stdout.strip() == "trainer.app"


def test_the_trainer_command_loads_no_web_app_before_a_command_needs_it():
    done = subprocess.run(
        [sys.executable, "-c", "import sys, trainer.cli; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    )

    assert not {"flask", "sqlalchemy", "trainer.app"} & set(done.stdout.split())


def test_no_module_of_the_app_calls_the_test_client():
    # A live request must never replay the app through Flask's test client: render through
    # the functions the views use (see trainer.web.core.page_bodies).
    package = Path(__file__).resolve().parent.parent / "trainer"
    callers = [
        f"{path.relative_to(package.parent)}:{node.lineno}"
        for path in sorted(package.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and getattr(node.func, "attr", getattr(node.func, "id", None)) == "test_client"
    ]

    assert callers == []
