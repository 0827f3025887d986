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
@click.option("--language", default="vi", show_default=True, help="Language code of the lesson.")
@click.option(
    "--content",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=lambda: os.environ.get("TRAINER_CONTENT_DIR", Defaults.CONTENT_DIR),
    help="Folder holding lessons/, media/ and quizzes/.",
)
def speech_text(slug: str, language: str, content: Path):
    """Print what the voice will read for each part of lesson SLUG."""
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
            f"no lesson `{slug}` in `{language}` (or `trainer check` holds it back)"
        )
    table, _ = read_pronunciations(root)
    voice = Espeak()
    click.echo(f"{lesson.title} ({slug}, {language}): what the voice reads")
    if not voice.speaks(language):
        click.echo("  The offline voice has no voice for this language: a person reads these.")
    for part in parts(lesson):
        said = speakable(part.words, language, table)
        click.echo(f"{part.number:>3}  {said}")
        if recordings.find(root, language, slug, part.number):
            click.echo("     (recorded: a person's recording is played instead)")
        if foreign := _foreign(voice, said, language):
            click.echo(f"     espeak-ng reads with English rules: {', '.join(foreign)}")


def _foreign(voice, text: str, language: str) -> list[str]:
    from trainer.speech.errors import EngineDown

    try:
        return voice.foreign_words(text, language)
    except EngineDown:
        return []
