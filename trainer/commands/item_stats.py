"""`trainer item-stats`: how each quiz item behaves, for authors revising a bank."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from trainer.content.model import Quiz
    from trainer.services.certification.item_stats import ItemStat


@click.command("item-stats")
@click.option("--topic", default=None, help="Only this topic (its slug).")
def item_stats(topic: str | None):
    """Per quiz item: attempts that saw it, share right, discrimination, and warnings."""
    from trainer import database
    from trainer.app import settings_app
    from trainer.commands.catalog import catalog_of
    from trainer.extensions import db
    from trainer.services.certification import item_stats as stats_service
    from trainer.services.certification.item_stats import MIN_SEEN

    app = settings_app()
    database.upgrade(app.config["DATABASE_URL"])
    with app.app_context():
        found = stats_service.collect(db.session, topic)
    quizzes = catalog_of(app).quizzes
    if not found:
        click.echo("No submitted attempts yet." if not topic else f"No attempts at {topic}.")
    for name, items in found.items():
        for line in render(name, items, quizzes.get(name)):
            click.echo(line)
    click.echo(
        f"discrimination: correlation with the rest of the attempt (Moodle's index); "
        f"warnings once an item was seen {MIN_SEEN} times.",
        err=True,
    )


def render(topic: str, items: dict[str, ItemStat], quiz: Quiz | None) -> list[str]:
    """One topic's items as a plain text table, in the bank's order, then retired items."""
    order = [item.id for item in quiz.items] if quiz else []
    texts = {item.id: item.text for item in quiz.items} if quiz else {}
    ids = [i for i in order if i in items] + sorted(set(items) - set(order))
    rows = [("item", "seen", "right", "discrimination", "warning", "question")]
    for item_id in ids:
        stat = items[item_id]
        rows.append(
            (
                item_id,
                str(stat.seen),
                f"{stat.facility:.0%}",
                "–" if stat.discrimination is None else f"{stat.discrimination:+.2f}",
                ", ".join(stat.flags) or "",
                _short(texts.get(item_id, "(no longer in the bank)")),
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
