"""Plain content objects: what the pipeline reads from files and the web app shows.

Nothing here imports Flask or SQLAlchemy, so `trainer check` runs without an app.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

BOX_KINDS = ("tip", "careful")


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a content file, reported as `path:line: message`."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Language:
    code: str
    name: str  # what speakers call it, shown in the language switcher
    vi_name: str  # how the Vietnamese UI names it
    order: int = 0
    variety: str = ""  # which variety of the language, e.g. "Hmoob Dawb (White Hmong)"
    script: str = ""  # how it is written, e.g. "RPA (Latin)"
    writer: str = ""  # who writes it: "native writer needed" until one is named

    @property
    def short_vi_name(self) -> str:
        """The Vietnamese name without "Tiếng", for the switcher: "H'Mông", "Thái"."""
        return self.vi_name.removeprefix("Tiếng ").strip() or self.vi_name


@dataclass(frozen=True)
class Topic:
    slug: str
    order: int
    icon: str  # a file under media/
    titles: dict[str, str]  # language code -> title
    descriptions: dict[str, str]
    path: Path
    icon_line: int = field(default=1, compare=False)

    def title(self, language: str = "vi") -> str:
        return self.titles.get(language) or self.titles["vi"]

    def description(self, language: str = "vi") -> str:
        return self.descriptions.get(language) or self.descriptions["vi"]


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class Illustration:
    src: str  # path under media/, as written in the lesson
    alt: str
    line: int = field(default=0, compare=False)


@dataclass(frozen=True)
class Box:
    kind: str  # one of BOX_KINDS
    html: str
    text: str


@dataclass(frozen=True)
class Step:
    number: int  # 1-based
    name: str  # stable: what `step:` in a question bank names (see step_names)
    title: str
    html: str  # the step's own text, rendered; the illustration and boxes are apart
    text: str  # plain text of the step, for speech and search
    illustration: Illustration | None
    boxes: tuple[Box, ...] = ()
    line: int = 0

    def box(self, kind: str) -> Box | None:
        return next((box for box in self.boxes if box.kind == kind), None)

    @property
    def anchor(self) -> str:
        """The id of the step's heading on the lesson page: `buoc-<name>`."""
        return f"buoc-{self.name}"


@dataclass(frozen=True)
class Lesson:
    slug: str
    language: str
    title: str
    topic: str
    order: int
    minutes: int
    summary: str
    intro_html: str
    intro_text: str
    steps: tuple[Step, ...]
    sources: tuple[Source, ...] = ()
    status: str = "reviewed"  # "draft" until a native speaker has reviewed a translation
    reviewer: str | None = None
    path: Path = field(default=Path("."), compare=False)
    # Warnings `trainer check` prints without failing (long sentences): `path:line: warning: …`
    advice: tuple[Problem, ...] = field(default=(), compare=False)

    @property
    def is_draft(self) -> bool:
        return self.status == "draft"

    def step_named(self, name: str) -> Step | None:
        """The step `step:` names in a question bank, or None."""
        return next((step for step in self.steps if step.name == name), None)


ITEM_TYPES = ("single", "multiple", "true_false", "order", "picture")


@dataclass(frozen=True)
class Choice:
    text: str  # for a picture choice, its alt text
    image: str | None = None  # path under media/, for "picture" items


@dataclass(frozen=True)
class Item:
    """One question. `answer` holds 0-based choice positions; for "order", the right sequence."""

    id: str
    type: str
    text: str
    choices: tuple[Choice, ...]
    answer: tuple[int, ...]
    explanation: str
    lesson: str  # slug of the lesson that teaches it
    step_name: str  # the name of the step that teaches it, as `step: lesson#name` says
    line: int = field(default=0, compare=False)
    shuffle: bool = True  # False: choices are always shown in the order written
    scenario: bool = False  # the member as helper with a resident, not a fact to recall
    step: int = 0  # that step's number, 1-based; the catalog finds it from step_name


@dataclass(frozen=True)
class Quiz:
    """A topic's question bank and the rules of an attempt."""

    topic: str
    pass_mark: int  # percent
    draw: int  # items drawn per attempt
    items: tuple[Item, ...]  # certification items: never shown with answers in public
    time_limit_minutes: int | None = None
    retake_after_hours: int = 0  # the wait after a first fail; it doubles after each next one
    path: Path = field(default=Path("."), compare=False)
    practice: tuple[Item, ...] = ()  # for the hall and self-study; never drawn in an attempt
    draw_line: int = field(default=1, compare=False)
    # Problems in items left out of `items`: the bank may still be served without them.
    item_problems: tuple[Problem, ...] = field(default=(), compare=False, repr=False)
    # Ways the bank as a whole gives answers away (bank_rules): it is not served at all.
    rule_problems: tuple[Problem, ...] = field(default=(), compare=False, repr=False)

    def lessons(self) -> list[str]:
        """Slugs of the lessons its certification items test, in the order first named."""
        return list(dict.fromkeys(item.lesson for item in self.items))
