"""The test content's audio built once by the real offline voice, and one lesson's plan."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.factories import copy_content
from trainer.content.build import build
from trainer.speech.stage import audio_stage
from trainer.speech.video.plan import VideoPlan
from trainer.speech.video.stage import lesson_plans

ADDRESS = "http://192.168.1.10:5000"


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> tuple[Path, Path, object]:
    """(content, build folder, catalog) with every Vietnamese part voiced by espeak-ng."""
    if shutil.which("ffmpeg") is None:
        pytest.fail("ffmpeg is missing: `make test` installs Debian's ffmpeg package")
    root = tmp_path_factory.mktemp("video")
    content = copy_content(root / "content")
    out = root / "built"
    settings = {"CONTENT_DIR": str(content), "SPEECH_ENGINES": "espeak"}
    report = build(content, out, [audio_stage(settings)])
    return content, out, report.catalog


@pytest.fixture(scope="session")
def plans(built) -> dict[tuple[str, str], object]:
    content, out, catalog = built
    found = lesson_plans(catalog, out, content, ADDRESS)
    return dict(zip(sorted(catalog.lessons), found, strict=True))


@pytest.fixture(scope="session")
def plan(plans) -> VideoPlan:
    """The two-step lesson: an SVG picture, then a photo with a warning box."""
    return plans[("mat-khau", "vi")]


def probe(path: Path) -> dict:
    """What ffprobe says of a file: its streams and format."""
    done = subprocess.run(
        ["ffprobe", "-v", "error", "-print_format", "json", "-show_streams", "-show_format",
         str(path)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(done.stdout)
