"""`trainer speech-text SLUG`: what the voice will read for each part of a lesson.

A reviewer checks the readings here without listening: numbers in words, symbols named,
addresses and passwords spelled. Words the offline voice would still read with English
rules, and parts a person has recorded (the recording is played instead), are marked.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from trainer.config import Defaults


@click.command("speech-text")
@click.argument("slug")
@click.option(
    "--language", default="vi", show_default=True, help="Mã ngôn ngữ của bài (vi, hmn, blt)."
)
@click.option(
    "--content",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=lambda: os.environ.get("TRAINER_CONTENT_DIR", Defaults.CONTENT_DIR),
    help="Thư mục chứa lessons/, media/ và quizzes/.",
)
def speech_text(slug: str, language: str, content: Path):
    """In lời giọng đọc sẽ đọc cho từng phần của bài SLUG."""
    # Imported here: every `trainer` command (`trainer serve` too) loads this module.
    from trainer.content.catalog import load_catalog
    from trainer.speech import recordings
    from trainer.speech.espeak import Espeak
    from trainer.speech.stage import parts
    from trainer.speech.text import read_pronunciations, speakable

    root = Path(content)
    catalog, _ = load_catalog(root)
    lesson = catalog.lesson(slug, language)
    if lesson is None:
        raise click.ClickException(
            f"không có bài `{slug}` bằng `{language}` (hoặc `trainer check` đang giữ bài lại)"
        )
    table, _ = read_pronunciations(root)
    voice = Espeak()
    click.echo(f"{lesson.title} ({slug}, {language}): giọng đọc sẽ đọc như sau")
    if not voice.speaks(language):
        click.echo("  Giọng máy ngoại tuyến không đọc được tiếng này: cần người đọc ghi âm.")
    for part in parts(lesson):
        said = speakable(part.words, language, table)
        click.echo(f"{part.number:>3}  {said}")
        if recordings.find(root, language, slug, part.number):
            click.echo("     (đã ghi âm: phát bản người đọc thay giọng máy)")
        if foreign := _foreign(voice, said, language):
            click.echo(f"     espeak-ng đọc theo luật tiếng Anh: {', '.join(foreign)}")


def _foreign(voice, text: str, language: str) -> list[str]:
    from trainer.speech.errors import EngineDown

    try:
        return voice.foreign_words(text, language)
    except EngineDown:
        return []
