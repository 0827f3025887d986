"""`trainer check`: every problem at its line, and warnings grouped by rule so a new one shows.

A file that does not parse is one error at its line: what other files say about the
lesson or topic it should have held (a quiz item naming it, a translation of it) follows
from that error and goes away with it, so it is left out.
"""

from __future__ import annotations

import os
import sys
from collections import defaultdict
from pathlib import Path

import click

from trainer.config import Defaults
from trainer.content.catalog import bank_warnings, load_catalog
from trainer.content.model import Problem
from trainer.speech.text import read_pronunciations

SHOWN = 3  # warnings shown per rule without --all
RULES = {
    "long-sentence": "Câu dài 16–20 âm tiết, khó theo khi nghe",
    "untested-lesson": "Bài chưa có câu hỏi kiểm tra nào",
    "small-draw": "Một lượt rút không đủ câu cho mọi bài",
    "no-bank": "Chủ đề có bài nhưng chưa có bộ câu hỏi",
    "": "Cảnh báo khác",
}


@click.command()
@click.option(
    "--content",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=lambda: os.environ.get("TRAINER_CONTENT_DIR", Defaults.CONTENT_DIR),
    help="Thư mục chứa lessons/, media/ và quizzes/.",
)
@click.option("--all", "every", is_flag=True, help="In mọi cảnh báo, không chỉ vài cái đầu.")
def check(content: Path, every: bool):
    """Kiểm tra mọi bài, chủ đề, bộ câu hỏi và hình; in từng lỗi dạng tệp:dòng: lỗi.

    Cảnh báo (câu dài, bài chưa có câu hỏi) được gom theo quy tắc, có số lượng, và không
    làm lệnh thất bại.
    """
    catalog, found = load_catalog(Path(content))
    found = sorted({*found, *read_pronunciations(Path(content))[1]})  # how voices say words
    problems = [problem for problem in found if not problem.follow_on]
    warnings = [*bank_warnings(catalog), *catalog.advice()]
    for problem in problems:
        click.echo(str(problem))
    for line in grouped(warnings, None if every else SHOWN):
        click.echo(line)
    click.echo(summary(len(problems), len(found) - len(problems), len(warnings)), err=True)
    sys.exit(1 if problems else 0)


def grouped(warnings: list[Problem], shown: int | None) -> list[str]:
    """Warnings under one heading per rule with their count, biggest group last so it
    never pushes a rare one off the screen; at most `shown` of each unless None."""
    rules: dict[str, list[Problem]] = defaultdict(list)
    for warning in warnings:
        rules[warning.rule if warning.rule in RULES else ""].append(warning)
    lines = []
    for rule, members in sorted(rules.items(), key=lambda item: len(item[1])):
        lines.append(f"{RULES[rule]}: {len(members)} cảnh báo")
        lines += [f"  {warning}" for warning in members[:shown]]
        if shown is not None and len(members) > shown:
            lines.append(f"  … và {len(members) - shown} cảnh báo nữa (`trainer check --all`)")
    return lines


def summary(problems: int, follow_ons: int, warnings: int) -> str:
    said = f"{problems} lỗi" if problems else "Không có lỗi"
    said += f", {warnings} cảnh báo." if warnings else "."
    if follow_ons:
        said += f" Bỏ qua {follow_ons} lỗi kéo theo từ tệp không đọc được: sửa tệp đó trước."
    return said
