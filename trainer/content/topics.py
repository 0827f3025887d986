"""Reading the topic registry (`lessons/topics/*.yaml`) and the language list."""

from __future__ import annotations

from pathlib import Path

from trainer.content.fields import Fields
from trainer.content.model import Language, Problem, Topic
from trainer.content.source import load_yaml, read_named_yaml, read_text

TOPIC_FIELDS = ("order", "icon", "title", "description")


def read_topic(path: Path, shown: Path) -> tuple[Topic | None, list[Problem]]:
    """Parse one topic file; its slug is the file name."""
    doc, problems = read_named_yaml(path, shown, "topic")
    if doc is None:
        return None, problems
    fields = Fields(doc)
    fields.only(TOPIC_FIELDS)
    order = fields.number("order", high=999)
    icon = fields.text("icon")
    titles = fields.per_language("title", max_length=60)
    descriptions = fields.per_language("description", max_length=200)
    if fields.problems:
        return None, fields.problems
    return Topic(path.stem, order, icon, titles, descriptions, shown, doc.line("icon")), []


def read_languages(path: Path, shown: Path) -> tuple[list[Language], list[Problem]]:
    """Parse `languages.yaml`; Vietnamese is always there, first."""
    vietnamese = Language("vi", "Tiếng Việt", "Tiếng Việt")
    if not path.exists():
        return [vietnamese], []
    text, problems = read_text(path, shown)
    doc = None
    if text is not None:
        doc, problems = load_yaml(text, shown)
    if doc is None:
        return [vietnamese], problems
    if not isinstance(doc.data, list):
        return [vietnamese], [
            doc.problem("expected a list of languages, each with `code`, `name` and `vi_name`")
        ]
    languages = {"vi": vietnamese}
    for index in range(len(doc.data)):
        fields = Fields(doc, index)
        fields.only(("code", "name", "vi_name", "variety", "script", "writer"))
        code, name, vi_name = fields.slug("code"), fields.text("name"), fields.text("vi_name")
        about = {
            key: fields.text(key, required=False) or "" for key in ("variety", "script", "writer")
        }
        problems += fields.problems
        if code and name and vi_name:
            languages[code] = Language(code, name, vi_name, order=index, **about)
    return list(languages.values()), problems
