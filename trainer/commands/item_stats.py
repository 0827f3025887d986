"""`trainer item-stats`: how each quiz item behaves, for authors revising a bank."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from trainer.content.model import Quiz
    from trainer.services.certification.item_stats import ItemStat


@click.command("item-stats")
@click.option("--topic", default=None, help="Chỉ chủ đề này (tên ngắn của nó, vd. an-toan-so).")
def item_stats(topic: str | None):
    """Từng câu hỏi: số lượt gặp, tỉ lệ đúng, độ phân biệt, và cảnh báo."""
    from trainer import database
    from trainer.app import settings_app
    from trainer.commands.catalog import catalog_of
    from trainer.extensions import db
    from trainer.services.certification import item_stats as stats_service
    from trainer.services.certification.item_stats import MIN_SEEN

    app = settings_app()
    catalog = catalog_of(app)
    if topic is not None and catalog.topic(topic) is None:
        known = ", ".join(t.slug for t in catalog.topics)
        raise click.ClickException(f"không có chủ đề `{topic}`; các chủ đề: {known}.")
    database.upgrade(app.config["DATABASE_URL"])
    with app.app_context():
        found = stats_service.collect(db.session, topic)
    quizzes = catalog.quizzes
    if not found:
        click.echo("Chưa có lượt làm bài nào." if not topic else f"Chưa ai làm bài {topic}.")
    for name, items in found.items():
        for line in render(name, items, quizzes.get(name)):
            click.echo(line)
    click.echo(
        f"discrimination (độ phân biệt): tương quan với phần còn lại của bài làm (chỉ số "
        f"của Moodle); cảnh báo khi một câu đã được gặp {MIN_SEEN} lần.",
        err=True,
    )


def render(topic: str, items: dict[str, ItemStat], quiz: Quiz | None) -> list[str]:
    """One topic's items as a plain text table, in the bank's order, then retired items."""
    from trainer.services.certification.item_stats import FLAGS

    order = [item.id for item in quiz.items] if quiz else []
    texts = {item.id: item.text for item in quiz.items} if quiz else {}
    ids = [i for i in order if i in items] + sorted(set(items) - set(order))
    rows = [("câu", "gặp", "đúng", "discrimination", "cảnh_báo", "nội dung")]
    for item_id in ids:
        stat = items[item_id]
        rows.append(
            (
                item_id,
                str(stat.seen),
                f"{stat.facility:.0%}",
                "–" if stat.discrimination is None else f"{stat.discrimination:+.2f}",
                "; ".join(FLAGS[flag] for flag in stat.flags),
                _short(texts.get(item_id, "(không còn trong bộ câu hỏi)")),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    table = [
        "  "
        + "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False))
        + "  "
        + row[-1]
        for row in rows
    ]
    return [f"{topic}:", *table]


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
