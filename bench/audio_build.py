"""Benchmark: how long `trainer build` spends on audio, cold and from its cache.

Run from the repo root with the project's virtualenv:
    .venv/bin/python bench/audio_build.py
Builds the shipped lessons' audio into a temporary folder with the offline voice only
(no network). The baseline, measured in the same run, is the same build with no audio
stage: what `trainer build` costs anyway. Prints figures; exits 0 whatever they are.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from trainer.content.build import build
from trainer.speech.stage import audio_stage

REPO = Path(__file__).resolve().parent.parent


def timed(out: Path, with_audio: bool) -> float:
    stages = [audio_stage({"CONTENT_DIR": str(REPO), "SPEECH_ENGINES": "espeak"})]
    start = time.perf_counter()
    build(REPO, out, stages if with_audio else [])
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        baseline = timed(out / "plain", with_audio=False)
        cold = timed(out / "voiced", with_audio=True)
        cached = timed(out / "voiced", with_audio=True)
        manifest = json.loads((out / "voiced/audio/manifest.json").read_text(encoding="utf-8"))
        tracks = [t for speeds in manifest["clips"].values() for t in speeds.values()]
        normal = [speeds["normal"] for speeds in manifest["clips"].values()]
        size = sum(t["size"] for t in tracks)
        speech = sum(t["seconds"] for t in normal)
        per_ten = sum(t["size"] for t in normal) / speech * 10 / 1024
        lessons = manifest["loudspeaker"].values()
        print(f"parts voiced: {len(normal)} ({len(tracks)} files with the slow versions)")
        print(f"speech: {speech / 60:.1f} min at normal speed; {per_ten:.1f} KB per 10 s")
        print(
            f"step and slow files: {size / 1024 / 1024:.1f} MB; loudspeaker files: "
            f"{sum(t['size'] for t in lessons) / 1024 / 1024:.1f} MB for {len(lessons)}"
        )
        print(f"build without audio (baseline): {baseline:6.2f} s")
        print(
            f"build with audio, cold:         {cold:6.2f} s  (+{cold - baseline:.2f} s, "
            f"{(cold - baseline) / len(tracks) * 1000:.0f} ms per file)"
        )
        print(f"build with audio, from cache:   {cached:6.2f} s  (+{cached - baseline:.2f} s)")


if __name__ == "__main__":
    main()
