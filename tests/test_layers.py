"""Which package may import which: checked in a fresh interpreter, as a command would run."""

from __future__ import annotations

import subprocess
import sys

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
