"""`trainer build --videos`: every voiced lesson's video, made once, kept while unchanged.

A video shows the site's address on its end card, so the build needs it (the public base
URL). Videos made by the server when someone asked for one go elsewhere (its instance's
unbuilt/ folder); this folder holds only what the last build made.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from trainer.content.catalog import Catalog
from trainer.content.model import Lesson
from trainer.speech import manifest
from trainer.speech.stage import AUDIO
from trainer.speech.video import maker
from trainer.speech.video.encode import FfmpegMissing, ffmpeg
from trainer.speech.video.plan import Unvoiced, VideoPlan, plan_video

VIDEO = "video"


def lesson_address(base: str, lesson: Lesson) -> str:
    """The lesson page's full address, as the site links it (`/bai-hoc/<slug>?lang=`)."""
    language = "" if lesson.language == "vi" else f"?lang={lesson.language}"
    return f"{base.rstrip('/')}/bai-hoc/{lesson.slug}{language}"


def lesson_plans(catalog: Catalog, out: Path, root: Path, base: str) -> list[VideoPlan | Unvoiced]:
    """The plan of every lesson in every language, from the audio the build made."""
    audio = manifest.load(out / AUDIO)
    plans = []
    for (slug, language), lesson in sorted(catalog.lessons.items()):
        topic = catalog.topic(lesson.topic)
        tracks = [audio.clip(slug, language, number) for number in range(len(lesson.steps) + 1)]
        plans.append(
            plan_video(
                lesson,
                topic.title(language) if topic else "",
                tracks,
                lambda track: out / AUDIO / track.file,
                root / "media",
                lesson_address(base, lesson),
            )
        )
    return plans


def video_stage(config: Mapping, base: str):
    """The stage that makes the videos, after the audio stage; base: the public address."""
    root = Path(config["CONTENT_DIR"])

    def stage(catalog: Catalog, out: Path, report) -> None:
        try:
            ffmpeg()
        except FfmpegMissing as error:
            report.say(f"Video: none made: {error}.")
            return
        plans = lesson_plans(catalog, out, root, base)
        voiced = [plan for plan in plans if isinstance(plan, VideoPlan)]
        folder = out / VIDEO
        before = {path.name for path in folder.glob("*.mp4")}
        for plan in voiced:
            maker.make(plan, folder)
        keep = {plan.name for plan in voiced}
        for path in folder.glob("*.mp4"):
            if path.name not in keep:
                path.unlink()
        size = sum((folder / name).stat().st_size for name in keep)
        minutes = sum(plan.seconds for plan in voiced) / 60
        report.say(
            f"Video: {len(keep - before)} made, {len(keep & before)} unchanged, "
            f"{len(plans) - len(voiced)} lesson language(s) not all voiced (no video); "
            f"{minutes:.1f} min, {size / 1024 / 1024:.1f} MB in {folder}."
        )

    return stage
