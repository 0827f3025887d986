"""`trainer audio export PACK` and `trainer audio import PACK`: voices that travel on a USB stick.

Build where Google's voice is reachable (or where someone recorded), export a pack, carry
it to the laptop with no internet, import it there: its lessons speak with those voices.
Like every command, these import the pipeline only when they run.
"""

from __future__ import annotations

from pathlib import Path

import click


@click.group()
def audio():
    """Audio packs: export the built and recorded voices, import them elsewhere."""


@audio.command("export")
@click.argument("pack", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--language", default=None, help="Only this language (a code: vi, hmn, blt).")
@click.option("--topic", default=None, help="Only this topic's lessons (its slug).")
def export(pack: Path, language: str | None, topic: str | None):
    """Write the built and recorded audio into PACK (a .zip), with its list of clips."""
    from trainer.speech.engines import make_engines
    from trainer.speech.packs import export_pack

    config, root, folder, catalog, table = _setting_up()
    if topic is not None and catalog.topic(topic) is None:
        raise click.ClickException(f"no topic `{topic}`")
    engines = make_engines(["google", "espeak"])
    done = export_pack(
        pack,
        catalog,
        root,
        folder,
        table,
        engines,
        _settings(config),
        language=language,
        topic=topic,
    )
    for line in done.skipped:
        click.echo(f"Left out {line}")
    click.echo(f"Wrote {pack}: {done.clips} clip(s) in {done.files} file(s).")
    if not done.clips:
        click.echo("No audio to export: run `trainer build` first.", err=True)


@audio.command("import")
@click.argument("pack", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_(pack: Path):
    """Check every clip of PACK and add the fresh ones to this server's audio."""
    from trainer.speech.pack_import import NotAPack, import_pack

    config, root, folder, catalog, table = _setting_up()
    try:
        done = import_pack(pack, catalog, root, folder, table, _settings(config))
    except NotAPack as error:
        raise click.ClickException(str(error)) from error
    for line in done.refused:
        click.echo(f"Refused {line}")
    click.echo(
        f"{done.added} clip(s) added, {done.already} already here, {done.stale} stale "
        f"(the words changed since the pack was made), {done.kept} kept (a recording or a "
        f"better voice is here), {done.unknown} for lessons this server does not have, "
        f"{done.repeated} repeated (read once), {len(done.refused)} refused."
    )


def _setting_up():
    """The settings, content root, audio folder, lessons and pronunciation table."""
    from trainer.app import settings_app
    from trainer.content.catalog import load_catalog
    from trainer.speech.stage import AUDIO
    from trainer.speech.text import read_pronunciations

    config = settings_app().config
    root, folder = Path(config["CONTENT_DIR"]), Path(config["BUILD_DIR"]) / AUDIO
    catalog, _ = load_catalog(root)
    table, _ = read_pronunciations(root)
    return config, root, folder, catalog, table


def _settings(config):
    from trainer.speech.stage import Settings

    return Settings.of(config)
