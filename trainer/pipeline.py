"""What `trainer build` runs, in order: pictures (with the catalog), the search index, audio,
and with `--videos` each lesson's video.

It stands above `trainer.content` and `trainer.speech`, which it joins: content stands
below speech (speech reads lessons; content never imports speech).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from trainer.content.build import Stage
from trainer.content.search_index import search_stage
from trainer.speech.stage import audio_stage
from trainer.speech.video.stage import video_stage


def default_stages(
    settings: Mapping | None = None, video_address: str | None = None
) -> list[Stage]:
    """The stages `trainer build` runs; audio needs the settings (engines, …); videos the
    address people reach the site at, for their end card."""
    if settings is None:
        return [search_stage]
    videos = [video_stage(settings, video_address)] if video_address else []
    return [search_stage, audio_stage(settings), *videos]


def named_stages(settings: Mapping, video_address: str | None = None) -> list[tuple[str, Stage]]:
    """The same stages, each with what `trainer build` calls it while it runs."""
    named = [("Chỉ mục tìm kiếm", search_stage), ("Giọng đọc", audio_stage(settings))]
    if video_address:
        named.append(("Video cho nhóm Zalo", video_stage(settings, video_address)))
    return named


def announced(stage: Stage, line: str, say: Callable[[str], None]) -> Stage:
    """stage, saying line as it starts: a long build shows where it is."""

    def run(catalog, out, report) -> None:
        say(line)
        stage(catalog, out, report)

    return run
