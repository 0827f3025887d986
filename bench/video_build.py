"""Benchmark: how long making every lesson's video takes, and how big they are per minute,
next to making the loudspeaker files from the same clips in the same run.

Run from the repo root with the project's virtualenv:
    .venv/bin/python bench/video_build.py              # every voiced lesson (minutes)
    .venv/bin/python bench/video_build.py --lessons 5  # a quick look
Voices the shipped lessons with the offline voice (no network) into a temporary folder,
then times the loudspeaker MP3s and the videos one lesson at a time. Needs Debian's ffmpeg.
Prints figures; exits 0 whatever they are.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from trainer.content.build import build
from trainer.speech import manifest
from trainer.speech.stage import AUDIO, audio_stage, rejoin
from trainer.speech.video import maker
from trainer.speech.video.plan import VideoPlan
from trainer.speech.video.stage import lesson_plans

REPO = Path(__file__).resolve().parent.parent
BITRATE = 24
BUDGET = 1.5  # MB per minute of video


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lessons", type=int, default=0, help="only the first N (0: all)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        settings = {"CONTENT_DIR": str(REPO), "SPEECH_ENGINES": "espeak"}
        start = time.perf_counter()
        report = build(REPO, out, [audio_stage(settings)])
        took = time.perf_counter() - start
        print(f"audio for every lesson (espeak-ng), to start from: {took:.1f} s")
        plans = [p for p in lesson_plans(report.catalog, out, REPO, "http://192.168.1.10:5000")
                 if isinstance(p, VideoPlan)]  # fmt: skip
        plans = plans[: args.lessons] if args.lessons else plans
        loudspeaker(report.catalog, out, plans)
        videos(out / "video", plans)


def loudspeaker(catalog, out: Path, plans: list[VideoPlan]) -> None:
    """The same lessons' loudspeaker files, joined again from their clips."""
    audio = manifest.load(out / AUDIO)
    for plan in plans:
        (out / AUDIO / audio.lesson_file(plan.slug, plan.language).file).unlink()
    start = time.perf_counter()
    for plan in plans:
        rejoin(catalog.lesson(plan.slug, plan.language), audio, out / AUDIO, BITRATE)
    took = time.perf_counter() - start
    tracks = [audio.lesson_file(plan.slug, plan.language) for plan in plans]
    minutes = sum(track.seconds for track in tracks) / 60
    size = sum(track.size for track in tracks) / 1024 / 1024
    print(f"loudspeaker MP3s: {len(tracks)} lessons, {minutes:.1f} min of audio")
    print(f"  made in {took:.1f} s ({took / minutes:.1f} s per minute of audio); "
          f"{size:.1f} MB, {size / minutes:.2f} MB per minute")  # fmt: skip


def videos(folder: Path, plans: list[VideoPlan]) -> None:
    times, rates = [], []
    for plan in plans:
        start = time.perf_counter()
        path = maker.make(plan, folder)
        times.append(time.perf_counter() - start)
        rates.append(path.stat().st_size / 1000 / 1000 / (plan.seconds / 60))
    minutes = sum(plan.seconds for plan in plans) / 60
    size = sum(path.stat().st_size for path in folder.glob("*.mp4")) / 1000 / 1000
    took = sum(times)
    print(f"videos (720×1280, H.264 + AAC): {len(plans)} lessons, {minutes:.1f} min of video")
    middle, longest = statistics.median(times), max(times)
    print(f"  made in {took:.1f} s ({took / minutes:.1f} s per minute of video; "
          f"{middle:.1f} s median, {longest:.1f} s longest per lesson)")  # fmt: skip
    print(f"  {size:.1f} MB, {size / minutes:.2f} MB per minute "
          f"(largest {max(rates):.2f}; budget {BUDGET} MB per minute)")  # fmt: skip


if __name__ == "__main__":
    main()
