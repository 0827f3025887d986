"""The visit log form: what it offers a member, and what it sent, as the service reads it.

Hand-made rather than WTForms: the outcomes offered depend on the topics a member is
cleared to guide. Every message comes from the service, in Vietnamese, by field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from werkzeug.datastructures import MultiDict

from trainer.content.catalog import Catalog
from trainer.content.outcomes import Outcome
from trainer.models import Village, Visit
from trainer.services.field.visit_entry import VisitEntry


@dataclass(frozen=True)
class OutcomeGroup:
    title: str
    topic: str | None  # None: asked at every visit
    outcomes: tuple[Outcome, ...]


@dataclass
class LogForm:
    """What the form page shows: choices, what was typed, and what is wrong with it."""

    villages: list[Village]
    topics: list[tuple[str, str]]  # (slug, title) the member is cleared to guide
    groups: list[OutcomeGroup]
    values: MultiDict = field(default_factory=MultiDict)
    errors: dict[str, str] = field(default_factory=dict)

    def value(self, name: str, default: str = "") -> str:
        return self.values.get(name, default)

    def ticked(self, name: str, value: str) -> bool:
        return value in self.values.getlist(name)


def log_form(
    catalog: Catalog, villages: list[Village], cleared: list[str], values: MultiDict
) -> LogForm:
    """The form for a member cleared on these topics (slugs, in catalog order)."""
    outcomes = catalog.outcomes
    groups = []
    if outcomes.every_visit:
        groups.append(OutcomeGroup("Ở mọi buổi", None, outcomes.every_visit))
    for slug in cleared:
        found = outcomes.by_topic.get(slug)
        if found:
            groups.append(OutcomeGroup(catalog.topic(slug).title(), slug, found))
    topics = [(slug, catalog.topic(slug).title()) for slug in cleared]
    return LogForm(villages, topics, groups, values)


def blank_values(today: date, villages: list[Village], last: Visit | None) -> MultiDict:
    """A new entry: today, the village of the member's last visit, one resident, one household."""
    village = last.village_id if last else (villages[0].id if len(villages) == 1 else "")
    return MultiDict(
        {"ngay": today.isoformat(), "thon": str(village), "so_nguoi": "1", "so_ho": "1"}
    )


def values_of(visit: Visit) -> MultiDict:
    """A stored entry as the form shows it, for changing it."""
    values = MultiDict(
        {
            "ngay": visit.visited_on.isoformat(),
            "thon": str(visit.village_id),
            "so_nguoi": str(visit.residents),
            "so_ho": str(visit.households),
        }
    )
    for slug in visit.topics:
        values.add("chu_de", slug)
    for key, count in visit.outcomes.items():
        values.add("ket_qua", key)
        values[f"so_{key}"] = str(count)
    return values


def entry_from(form: MultiDict, key_header: str = "") -> VisitEntry:
    """What the form sent, as the service reads it (the key may come as a header too)."""
    ticked = form.getlist("ket_qua")
    return VisitEntry(
        visited_on=form.get("ngay", ""),
        village=form.get("thon", ""),
        residents=form.get("so_nguoi", ""),
        households=form.get("so_ho", ""),
        topics=tuple(form.getlist("chu_de")),
        outcomes={key: form.get(f"so_{key}", "1") for key in ticked},
        client_key=form.get("khoa", "") or key_header,
    )
