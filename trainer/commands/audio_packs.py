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
    """Gói âm thanh: xuất giọng đọc đã làm và đã ghi, nhập vào máy khác."""


@audio.command("export")
@click.argument("pack", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--language", default=None, help="Chỉ ngôn ngữ này (mã: vi, hmn, blt).")
@click.option("--topic", default=None, help="Chỉ các bài của chủ đề này (tên ngắn của nó).")
def export(pack: Path, language: str | None, topic: str | None):
    """Ghi giọng đọc đã làm và đã ghi vào PACK (tệp .zip), kèm danh sách đoạn."""
    from trainer.speech.engines import make_engines
    from trainer.speech.packs import export_pack

    config, root, folder, catalog, table = _setting_up()
    if topic is not None and catalog.topic(topic) is None:
        raise click.ClickException(f"không có chủ đề `{topic}`")
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
        click.echo(f"Bỏ ra {line}")
    click.echo(f"Đã ghi {pack}: {done.clips} đoạn trong {done.files} tệp.")
    if not done.clips:
        click.echo("Chưa có giọng đọc để xuất: chạy `trainer build` trước.", err=True)


@audio.command("import")
@click.argument("pack", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def import_(pack: Path):
    """Kiểm tra từng đoạn trong PACK và thêm những đoạn mới vào giọng đọc của máy chủ này."""
    from trainer.speech.pack_import import NotAPack, import_pack

    config, root, folder, catalog, table = _setting_up()
    try:
        done = import_pack(pack, catalog, root, folder, table, _settings(config))
    except NotAPack as error:
        raise click.ClickException(str(error)) from error
    for line in done.refused:
        click.echo(f"Từ chối {line}")
    click.echo(
        f"Thêm {done.added} đoạn, {done.already} đoạn đã có, {done.stale} đoạn cũ "
        f"(lời bài đã đổi từ khi làm gói), giữ {done.kept} đoạn đang có (bản ghi hoặc giọng "
        f"tốt hơn), {done.unknown} đoạn của bài máy này không có, {done.repeated} đoạn lặp "
        f"lại (chỉ đọc một lần), từ chối {len(done.refused)} đoạn."
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
