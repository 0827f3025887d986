"""The catalog: every valid topic and lesson, parsed and rendered once, read by the web app."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from trainer.content import bank_rules, pictures, province, validate
from trainer.content.guides import Guide, read_guides
from trainer.content.lessons import read_lesson
from trainer.content.media import Picture
from trainer.content.model import Language, Lesson, Problem, Quiz, Topic
from trainer.content.outcomes import Outcomes, read_outcomes
from trainer.content.quizzes import read_quiz
from trainer.content.topics import read_languages, read_topic


@dataclass
class Catalog:
    languages: dict[str, Language]
    topics: list[Topic]
    lessons: dict[tuple[str, str], Lesson]  # (slug, language) -> lesson
    pictures: dict[str, Picture] = field(default_factory=dict)  # media path -> built picture
    quizzes: dict[str, Quiz] = field(default_factory=dict)  # topic -> question bank
    guides: dict[str, Guide] = field(default_factory=dict)  # topic -> field guide
    # Topics with a question bank file, loadable or not: the topics that certify. Reports
    # and members' certificates go by this, so a broken bank never hides a certificate.
    banks: frozenset[str] = frozenset()
    outcomes: Outcomes = field(default_factory=Outcomes)  # what the visit log ticks

    def topic(self, slug: str) -> Topic | None:
        return next((topic for topic in self.topics if topic.slug == slug), None)

    def lesson(self, slug: str, language: str = "vi") -> Lesson | None:
        return self.lessons.get((slug, language))

    def lessons_in(self, topic: str) -> list[Lesson]:
        """The topic's Vietnamese lessons, in order."""
        found = [
            lesson
            for (_, lang), lesson in self.lessons.items()
            if lang == "vi" and lesson.topic == topic
        ]
        return sorted(found, key=lambda lesson: (lesson.order, lesson.slug))

    def languages_of(self, slug: str) -> list[Language]:
        """The languages a lesson can be read in, Vietnamese first."""
        return [
            language for code, language in self.languages.items() if (slug, code) in self.lessons
        ]

    def advice(self) -> list[Problem]:
        """Every warning of the lessons served, in file order; none of them holds a lesson back."""
        return sorted(warning for lesson in self.lessons.values() for warning in lesson.advice)

    def neighbours(self, lesson: Lesson) -> tuple[Lesson | None, Lesson | None]:
        """The lessons before and after this one in its topic."""
        siblings = [other.slug for other in self.lessons_in(lesson.topic)]
        at = siblings.index(lesson.slug)
        before = self.lesson(siblings[at - 1]) if at > 0 else None
        after = self.lesson(siblings[at + 1]) if at + 1 < len(siblings) else None
        return before, after


@dataclass
class Content:
    """Everything under a content root that parses, held-back files included."""

    languages: list[Language]
    topics: list[Topic]
    lessons: list[Lesson]  # every language; translations keep their own topic field
    quizzes: list[Quiz]  # with each item's step number found from its step name
    guides: dict[str, Guide]
    outcomes: Outcomes
    bank_files: frozenset[str]  # topics with a bank file, loadable or not
    pictures: dict[str, Picture] = field(default_factory=dict)  # media path -> picture
    # files that gave nothing to serve, and the slug each names (for follow-on problems)
    unread: dict[Path, str] = field(default_factory=dict)


def read_content(root: Path, media_out: Path | None = None) -> tuple[Content, list[Problem]]:
    """Read every file under root and check them together; pictures are built into
    media_out when given."""
    lessons_dir = root / "lessons"
    languages, problems = read_languages(
        lessons_dir / "languages.yaml", _shown(root, lessons_dir / "languages.yaml")
    )
    codes = {language.code for language in languages}
    unread: dict[Path, str] = {}  # files that gave nothing to serve, and the slug each names
    topics = _read_each(_yaml_files(lessons_dir / "topics"), root, read_topic, problems, unread)
    province_file = lessons_dir / province.FILE
    names, found = province.read_province(province_file, _shown(root, province_file))
    problems += found
    lessons = _read_each(
        _lesson_files(lessons_dir, codes, problems, root),
        root,
        functools.partial(read_lesson, province=names),
        problems,
        unread,
    )
    quizzes = _read_each(_yaml_files(root / "quizzes"), root, read_quiz, problems, {})
    guides, found = read_guides(lessons_dir / "guides", root, {topic.slug for topic in topics})
    problems += found
    outcomes, found = read_outcomes(root, {topic.slug for topic in topics})
    problems += found
    problems += validate.cross_check(topics, lessons)
    problems += validate.step_name_problems(lessons)
    problems += validate.quiz_references(quizzes, topics, lessons)
    problems += bank_rules.cross_bank_duplicates(quizzes)
    built, found = pictures.build_pictures(root, topics, lessons, quizzes, media_out)
    problems += found
    content = Content(
        languages=languages,
        topics=topics,
        lessons=lessons,
        quizzes=[validate.with_step_numbers(quiz, lessons) for quiz in quizzes],
        guides=guides,
        outcomes=outcomes,
        bank_files=frozenset(path.stem for (path,) in _yaml_files(root / "quizzes")),
        pictures=built,
        unread=unread,
    )
    return content, problems


def load_catalog(root: Path, media_out: Path | None = None) -> tuple[Catalog, list[Problem]]:
    """Read all content under root; return what is valid and every problem found.

    A file with a problem is left out and the rest is served, so one broken translation
    never takes the training day down. Pictures are built into media_out when given.
    """
    content, problems = read_content(root, media_out)
    catalog = Catalog(
        languages={language.code: language for language in content.languages},
        topics=sorted(
            (t for t in content.topics if not _has_problem(t.path, problems)),
            key=lambda t: t.order,
        ),
        lessons=_servable_lessons(content.lessons, problems),
        pictures=content.pictures,
        quizzes={
            quiz.topic: served for quiz in content.quizzes if (served := _servable(quiz, problems))
        },
        guides=content.guides,
        banks=content.bank_files,
        outcomes=content.outcomes,
    )
    return catalog, sorted(set(_mark_follow_ons(problems, content.unread)))


def bank_warnings(catalog: Catalog) -> list[Problem]:
    """What weakens certification without making content wrong: a topic with lessons but no
    bank (no member can be certified in it), and lessons that no attempt tests."""
    warnings = [
        Problem(
            topic.path,
            1,
            f"warning: topic `{topic.slug}` has lessons but no question bank, so no member "
            f"can be certified in it or open its field guide; add quizzes/{topic.slug}.yaml",
            rule="no-bank",
        )
        for topic in catalog.topics
        if topic.slug not in catalog.banks and catalog.lessons_in(topic.slug)
    ]
    for topic, quiz in sorted(catalog.quizzes.items()):
        lessons = [lesson.slug for lesson in catalog.lessons_in(topic)]
        warnings += bank_rules.coverage_warnings(quiz, lessons)
    return warnings


def _read_each(
    files: Iterable[tuple], root: Path, read: Callable, problems: list[Problem], unread: dict
) -> list:
    """What read(path, shown, *rest) makes of each (path, *rest); its problems go to problems,
    and a file that gives nothing goes to unread with the slug its name gives it."""
    made = []
    for path, *rest in files:
        item, found = read(path, _shown(root, path), *rest)
        problems += found
        made += [item] if item else []
        if not item:
            unread[_shown(root, path)] = path.stem
    return made


def _mark_follow_ons(problems: list[Problem], unread: dict[Path, str]) -> list[Problem]:
    """Problems in other files that name a slug of a file that gave nothing (a quiz item
    pointing at a lesson whose file does not parse) are marked as following from it."""
    slugs = {f"`{slug}`" for slug in unread.values()}
    return [
        dataclasses.replace(problem, follow_on=True)
        if problem.path not in unread and any(slug in problem.message for slug in slugs)
        else problem
        for problem in problems
    ]


def _yaml_files(folder: Path) -> list[tuple[Path]]:
    return [(path,) for path in sorted(folder.glob("*.yaml"))]


def _shown(root: Path, path: Path) -> Path:
    """The path as an author sees it, relative to the content root."""
    try:
        return path.relative_to(root)
    except ValueError:
        return path


def _lesson_files(lessons_dir: Path, codes: set[str], problems: list[Problem], root: Path):
    for path in sorted((lessons_dir / "vi").rglob("*.md")):
        yield path, "vi"
    translations = lessons_dir / "dan_toc"
    for folder in sorted(p for p in translations.glob("*") if p.is_dir()):
        files = sorted(folder.rglob("*.md"))
        if folder.name not in codes or folder.name == "vi":
            problems += [
                Problem(
                    _shown(root, path),
                    1,
                    f"unknown language folder `{folder.name}`; add it to lessons/languages.yaml",
                )
                for path in files
            ]
            continue
        for path in files:
            yield path, folder.name


def _has_problem(path: Path, problems: list[Problem]) -> bool:
    return any(problem.path == path for problem in problems)


def _servable(quiz: Quiz, problems: list[Problem]) -> Quiz | None:
    """The bank without its broken items, if nothing is wrong with the bank itself and it
    still has enough items for its draw; a broken item never takes its bank down, but a
    bank whose right answers a guesser could find (bank_rules) is not served at all."""
    if quiz.rule_problems:
        return None
    own = [p for p in problems if p.path == quiz.path and p not in quiz.item_problems]
    broken = {p.line for p in own}
    if broken - {item.line for item in quiz.items}:
        return None
    items = tuple(item for item in quiz.items if item.line not in broken)
    return dataclasses.replace(quiz, items=items) if len(items) >= quiz.draw else None


def _servable_lessons(
    lessons: list[Lesson], problems: list[Problem]
) -> dict[tuple[str, str], Lesson]:
    """Lessons without problems; a translation takes topic, order and sources from its original."""
    originals = {
        lesson.slug: lesson
        for lesson in lessons
        if lesson.language == "vi" and not _has_problem(lesson.path, problems)
    }
    servable = {}
    for lesson in lessons:
        original = originals.get(lesson.slug)
        if original is None or _has_problem(lesson.path, problems):
            continue
        if lesson is not original:
            lesson = dataclasses.replace(
                lesson,
                steps=tuple(
                    dataclasses.replace(step, name=named.name)
                    for step, named in zip(lesson.steps, original.steps, strict=True)
                ),
                topic=original.topic,
                order=original.order,
                minutes=lesson.minutes or original.minutes,
                sources=lesson.sources or original.sources,
            )
        servable[(lesson.slug, lesson.language)] = lesson
    return servable
