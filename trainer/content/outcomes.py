"""What a member ticks in the visit log (`lessons/outcomes.yaml`): short lists of outcomes.

`every_visit` lists what is asked at every visit (a household now has a proficient
member); `topics` lists, per topic, what guiding that topic's skill can lead to (VNeID
installed, level 2 filed, ...). Each outcome counts people (`counts: residents`, the
default) or households (`counts: households`); targets and the quarterly report use the
same keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from trainer.content.fields import Fields
from trainer.content.model import Problem
from trainer.content.source import Located, load_yaml, read_text

FILE = Path("lessons") / "outcomes.yaml"
COUNTS = ("residents", "households")
# Keys of the two figures every visit records; an outcome must not reuse them.
BASE_KEYS = ("nguoi-dan", "ho-gia-dinh")
MAX_PER_LIST = 6  # a short list: ticked at a door in a few seconds
OUTCOME_FIELDS = ("key", "title", "counts")


@dataclass(frozen=True)
class Outcome:
    key: str
    title: str
    topic: str | None  # None: asked at every visit
    counts: str = "residents"  # one of COUNTS
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Outcomes:
    every_visit: tuple[Outcome, ...] = ()
    by_topic: dict[str, tuple[Outcome, ...]] = field(default_factory=dict)

    def all(self) -> list[Outcome]:
        """Every outcome: those of every visit first, then each topic's in file order."""
        return [*self.every_visit, *(o for group in self.by_topic.values() for o in group)]

    def get(self, key: str) -> Outcome | None:
        return next((outcome for outcome in self.all() if outcome.key == key), None)

    def for_topics(self, topics: list[str]) -> list[Outcome]:
        """What may be ticked for a visit that guided these topics."""
        return [*self.every_visit, *(o for t in topics for o in self.by_topic.get(t, ()))]


def read_outcomes(root: Path, topics: set[str]) -> tuple[Outcomes, list[Problem]]:
    """The outcome lists under root (none when the file is absent) and every problem."""
    path = root / FILE
    if not path.exists():
        return Outcomes(), []
    text, problems = read_text(path, FILE)
    doc = None
    if text is not None:
        doc, problems = load_yaml(text, FILE)
    if doc is None:
        return Outcomes(), problems
    fields = Fields(doc)
    fields.only(("every_visit", "topics"))
    problems = fields.problems
    every = _read_list(doc, ("every_visit",), None, problems)
    by_topic = {}
    listed = fields.data.get("topics") or {}
    if not isinstance(listed, dict):
        problems.append(doc.problem("`topics` must map a topic's slug to its outcomes", "topics"))
        listed = {}
    for topic in listed:
        if topic not in topics:
            problems.append(
                doc.problem(
                    f"no topic `{topic}`; topics are: {', '.join(sorted(topics))}",
                    "topics",
                    topic,
                )
            )
            continue
        by_topic[topic] = _read_list(doc, ("topics", topic), topic, problems)
    outcomes = Outcomes(every, by_topic)
    problems += _duplicates(outcomes)
    return outcomes, problems


def _read_list(
    doc: Located, keys: tuple, topic: str | None, problems: list[Problem]
) -> tuple[Outcome, ...]:
    value = doc.data
    for key in keys:
        value = value.get(key) if isinstance(value, dict) else None
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.append(doc.problem("expected a list of outcomes (`- key: …`)", *keys))
        return ()
    if len(value) > MAX_PER_LIST:
        problems.append(
            doc.problem(f"{len(value)} outcomes; keep each list to {MAX_PER_LIST}", *keys)
        )
    outcomes = []
    for index in range(len(value)):
        fields = Fields(doc, *keys, index)
        fields.only(OUTCOME_FIELDS)
        key = fields.slug("key")
        title = fields.text("title", max_length=90)
        counts = fields.choice("counts", COUNTS, required=False) or "residents"
        problems += fields.problems
        if key in BASE_KEYS:
            problems.append(
                doc.problem(
                    f"`{key}` is kept for a visit's own counts; pick another key",
                    *keys,
                    index,
                    "key",
                )
            )
        elif key and title and not fields.problems:
            outcomes.append(Outcome(key, title, topic, counts, doc.line(*keys, index)))
    return tuple(outcomes)


def _duplicates(outcomes: Outcomes) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for outcome in outcomes.all():
        if outcome.key in seen:
            problems.append(Problem(FILE, outcome.line, f"duplicate outcome key `{outcome.key}`"))
        seen.add(outcome.key)
    return problems
