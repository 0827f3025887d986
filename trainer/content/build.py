"""`trainer build`: parse, check and render the content, then run each build stage over it.

Pictures are built with the catalog; stages (the search index, audio: see
`trainer.pipeline`) take the catalog and the build folder, and add what they did to the
report. The checked catalog is kept for the server first (`snapshot`). A stage never
imports Flask.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from trainer.content import snapshot
from trainer.content.catalog import Catalog, load_catalog
from trainer.content.model import Problem


@dataclass
class BuildReport:
    catalog: Catalog
    problems: list[Problem]
    lines: list[str] = field(default_factory=list)  # what each stage wants the author to read

    def say(self, line: str) -> None:
        self.lines.append(line)


Stage = Callable[[Catalog, Path, BuildReport], None]


def build(root: Path, out: Path, stages: Sequence[Stage] = ()) -> BuildReport:
    """Build everything valid under root into out; problems are reported, never fatal."""
    catalog, problems = load_catalog(root, out / "media")
    report = BuildReport(catalog, problems)
    report.say(
        f"{len(catalog.lessons)} bài bằng {len(catalog.languages)} ngôn ngữ, "
        f"{len(catalog.pictures)} hình, {len(catalog.quizzes)} bộ câu hỏi."
    )
    snapshot.save(out, root, catalog, list(problems))
    for stage in stages:
        stage(catalog, out, report)
    return report
