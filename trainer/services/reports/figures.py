"""Every figure a report shows, computed from a Ledger, for a commune or a whole province.

Each line counts members, never member-topic pairs: a team's total, a commune's and the
province's are unions of the sets of members behind them, so a member certified in three
topics is one member certified. Team, commune and province lines are all made the same
way, so a province total is exactly the sum of what its communes' reports say.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from trainer.services.field.targets import Indicator
from trainer.services.records.ledger import Ledger
from trainer.services.reports import field_report
from trainer.services.reports.period import Period

LOOK_AHEAD = timedelta(days=91)  # "running out in the next three months"
DIGITS = re.compile(r"(\d+)")
FIELDS = ("members", "trained", "issued", "valid_at_end", "expiring_next")


@dataclass(frozen=True)
class Counts:
    members: int = 0  # members of the team(s)
    trained: int = 0  # who finished a lesson or sat a quiz in the period
    issued: int = 0  # who were given a certificate in the period
    valid_at_end: int = 0  # who hold a valid certificate at the period's end
    expiring_next: int = 0  # of those, whose certificate runs out in the next 3 months

    def cells(self) -> tuple[int, ...]:
        return tuple(getattr(self, name) for name in FIELDS)


@dataclass
class Tally:
    """The members behind one line of figures, as sets of uids, so lines add up by union."""

    members: set[str] = field(default_factory=set)
    trained: set[str] = field(default_factory=set)
    issued: set[str] = field(default_factory=set)
    valid_at_end: set[str] = field(default_factory=set)
    expiring_next: set[str] = field(default_factory=set)

    def add(self, other: Tally) -> None:
        for name in FIELDS:
            getattr(self, name).update(getattr(other, name))

    def counts(self) -> Counts:
        return Counts(*(len(getattr(self, name)) for name in FIELDS))


@dataclass(frozen=True)
class IndicatorLine:
    """One of the plans' indicators over a set of villages, against the year's target."""

    key: str
    title: str
    in_period: int
    year_to_date: int
    target: int | None

    @property
    def percent(self) -> int | None:
        return self.year_to_date * 100 // self.target if self.target else None


@dataclass(frozen=True)
class TeamFigures:
    uid: str
    name: str
    by_topic: dict[str, Counts]  # topic slug -> counts
    total: Counts


@dataclass(frozen=True)
class CommuneFigures:
    uid: str
    name: str
    province: str
    teams: tuple[TeamFigures, ...]
    by_topic: dict[str, Counts]
    total: Counts
    indicators: tuple[IndicatorLine, ...]

    @property
    def place(self) -> str:
        return ", ".join(part for part in (self.name, self.province) if part)


@dataclass(frozen=True)
class Figures:
    period: Period
    topics: dict[str, str]  # slug -> title, in order
    communes: tuple[CommuneFigures, ...]
    by_topic: dict[str, Counts]
    total: Counts
    indicators: tuple[IndicatorLine, ...]
    villages: tuple[field_report.VillageRow, ...]


def compute(
    ledger: Ledger,
    period: Period,
    topics: Mapping[str, str],
    lessons_by_topic: Mapping[str, Iterable[str]],
    indicators: Sequence[Indicator] = (),
) -> Figures:
    """The figures of every team in the ledger, by commune, for the period."""
    tallies = _tallies(ledger, period, topics, lessons_by_topic)
    villages = field_report.village_rows(ledger, period, indicators)
    teams_of: dict[str, list[str]] = defaultdict(list)
    for uid, team in sorted(ledger.teams.items(), key=lambda item: natural(item[1]["name"])):
        teams_of[team["commune"]].append(uid)
    communes, everyone = [], defaultdict(Tally)
    for commune_uid in sorted(teams_of, key=lambda uid: _commune_key(ledger, uid)):
        whole: dict[str, Tally] = defaultdict(Tally)
        team_lines = []
        for team_uid in teams_of[commune_uid]:
            by_topic = tallies[team_uid]
            for topic in topics:
                whole[topic].add(by_topic[topic])
                everyone[topic].add(by_topic[topic])
            team_lines.append(
                TeamFigures(
                    team_uid,
                    ledger.teams[team_uid]["name"],
                    {topic: by_topic[topic].counts() for topic in topics},
                    _union(by_topic[topic] for topic in topics).counts(),
                )
            )
        commune = ledger.communes.get(commune_uid, {"name": "", "province": ""})
        mine = {row.village_uid for row in villages if row.team_uid in set(teams_of[commune_uid])}
        communes.append(
            CommuneFigures(
                commune_uid,
                commune["name"],
                commune["province"],
                tuple(team_lines),
                {topic: whole[topic].counts() for topic in topics},
                _union(whole[topic] for topic in topics).counts(),
                indicator_lines([row for row in villages if row.village_uid in mine], indicators),
            )
        )
    return Figures(
        period,
        dict(topics),
        tuple(communes),
        {topic: everyone[topic].counts() for topic in topics},
        _union(everyone[topic] for topic in topics).counts(),
        indicator_lines(villages, indicators),
        villages,
    )


def indicator_lines(
    rows: Sequence[field_report.VillageRow], indicators: Sequence[Indicator]
) -> tuple[IndicatorLine, ...]:
    """Each indicator summed over the villages' rows; a target only where one was set."""
    lines = []
    for indicator in indicators:
        mine = [row for row in rows if row.key == indicator.key]
        targets = [row.target for row in mine if row.target is not None]
        lines.append(
            IndicatorLine(
                indicator.key,
                indicator.title,
                sum(row.quarter for row in mine),
                sum(row.year_to_date for row in mine),
                sum(targets) if targets else None,
            )
        )
    return tuple(
        line
        for line in lines
        if line.key in field_report.ALWAYS or line.year_to_date or line.target is not None
    )


def _tallies(
    ledger: Ledger,
    period: Period,
    topics: Mapping[str, str],
    lessons_by_topic: Mapping[str, Iterable[str]],
) -> dict[str, dict[str, Tally]]:
    """team uid -> topic -> the members behind its line."""
    start, end = period.bounds()
    later = end + LOOK_AHEAD
    topic_of = {
        f"lesson:{slug}": topic for topic, slugs in lessons_by_topic.items() for slug in slugs
    }
    tallies: dict[str, dict[str, Tally]] = {uid: defaultdict(Tally) for uid in ledger.teams}
    for member, team in ledger.members.items():
        if team in tallies:
            for topic in topics:
                tallies[team][topic].members.add(member)
    for member, what, when in ledger.trained:
        team = ledger.members.get(member)
        topic = what[6:] if what.startswith("topic:") else topic_of.get(what)
        if team in tallies and topic in topics and start <= when < end:
            tallies[team][topic].trained.add(member)
    lasting: dict[tuple[str, str], set[str]] = defaultdict(set)
    for certificate in ledger.certificates:
        team, topic = ledger.members.get(certificate.member), certificate.topic
        if team not in tallies or topic not in topics:
            continue
        tally = tallies[team][topic]
        if start <= certificate.issued_at < end:
            tally.issued.add(certificate.member)
        if certificate.valid_at(end):
            tally.valid_at_end.add(certificate.member)
        if certificate.valid_at(later):
            lasting[(team, topic)].add(certificate.member)
    for team, by_topic in tallies.items():
        for topic, tally in by_topic.items():
            tally.expiring_next = tally.valid_at_end - lasting[(team, topic)]
    return tallies


def natural(name: str) -> tuple:
    """Sorts "thôn 2" before "thôn 10", as people number them."""
    return tuple(int(part) if part.isdecimal() else part.casefold() for part in DIGITS.split(name))


def _union(tallies: Iterable[Tally]) -> Tally:
    whole = Tally()
    for tally in tallies:
        whole.add(tally)
    return whole


def _commune_key(ledger: Ledger, uid: str) -> tuple[str, str]:
    commune = ledger.communes.get(uid, {"name": "", "province": ""})
    return commune["province"], commune["name"]
