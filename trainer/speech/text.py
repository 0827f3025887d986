"""Speech-ready text: what a voice should say, not what the page shows.

Markdown marks and symbols are never spoken; abbreviations and brand names are said as the
reviewed table in `lessons/pronunciation.yaml` says; in Vietnamese, numbers, dates, times,
percentages and phone-like digit groups become words; a web address is read as words
joined by "chấm", never letter by letter.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from trainer.content.model import Problem
from trainer.content.source import load_yaml, read_text
from trainer.speech import numbers

PRONUNCIATION_FILE = Path("lessons") / "pronunciation.yaml"

URL = re.compile(
    r"\b(?:https?://|www\.)[^\s,;)\"”]*[^\s,;)\"”.!?]"
    r"|\b(?:[a-z0-9-]+\.)+(?:vn|com|net|org)\b(?:/[^\s,;)\"”]*[^\s,;)\"”.!?])?"
)
DATE = re.compile(r"(\b[Nn]gày\s+)?\b(\d{1,2})/(\d{1,2})(?:/(\d{4}))?\b")
TIME = re.compile(r"\b(\d{1,2})(?::|h)(\d{2})\b")
PERCENT = re.compile(r"\b(\d+(?:,\d+)?)\s?%")
PHONE = re.compile(r"(?<![\d.,])0\d{2,}(?:[ .-]\d{2,})*(?!\d|,\d)|(?<![\d.,])\d{5,}(?![\d.,]*\d)")
GROUPED = re.compile(r"\b\d{1,3}(?:\.\d{3})+\b")
DECIMAL = re.compile(r"\b(\d+),(\d+)\b")
WHOLE = re.compile(r"\b\d+\b")
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
SYMBOLS = {"&": " và ", "+": " cộng ", "=": " bằng ", "/": ", ", "(": ", ", ")": ", "}
SILENT = re.compile(r"[*_#`~|<>\[\]{}^\\•›‹»«→←↑↓✓✔✗✘]|(?:(?!\s)[^\w.,:;!?'’\"“”()/%-])")
PUNCTUATION_RUN = re.compile(r"[,.;:!?](?:\s*[,.;:!?])+")
STEP_WORDS = {"vi": ("Bước", "Mẹo", "Cẩn thận")}


@dataclass(frozen=True)
class Pronunciations:
    """Per language, how to say a word; a lower-case key matches any case, others exactly."""

    words: dict[str, dict[str, str]] = field(default_factory=dict)

    def say(self, word: str, language: str) -> str | None:
        table = self.words.get(language, {})
        if word in table:
            return table[word]
        lower = word.lower()
        return table.get(lower) if lower != word else None


def read_pronunciations(root: Path) -> tuple[Pronunciations, list[Problem]]:
    """Read `lessons/pronunciation.yaml` under root; a missing file is an empty table."""
    path = root / PRONUNCIATION_FILE
    if not path.exists():
        return Pronunciations(), []
    text, problems = read_text(path, PRONUNCIATION_FILE)
    doc = None
    if text is not None:
        doc, problems = load_yaml(text, PRONUNCIATION_FILE)
    if doc is None:
        return Pronunciations(), problems
    if not isinstance(doc.data, dict):
        return Pronunciations(), [doc.problem("expected one table per language code, like `vi:`")]
    words: dict[str, dict[str, str]] = {}
    for language, table in doc.data.items():
        if not isinstance(table, dict):
            problems.append(
                doc.problem(f"`{language}` must be a list of `word: how to say it`", language)
            )
            continue
        words[str(language)] = {}
        for word, spoken in table.items():
            if not isinstance(spoken, str) or not spoken.strip() or not isinstance(word, str):
                problems.append(
                    doc.problem(
                        f"`{word}` needs the words to say, like `OTP: ô tê pê`", language, word
                    )
                )
            elif not WORD.fullmatch(word) and not word.isdigit():
                problems.append(
                    doc.problem(f"`{word}` must be one word, without spaces", language, word)
                )
            else:
                words[str(language)][word] = " ".join(spoken.split())
    return Pronunciations(words), problems


def unknown_words(text: str, language: str, table: Pronunciations) -> set[str]:
    """Abbreviations and brand names (two capitals or more) the table does not cover yet."""
    words = {match.group(0) for match in WORD.finditer(URL.sub(" ", text))}
    return {
        word
        for word in words
        if sum(char.isupper() for char in word) >= 2 and table.say(word, language) is None
    }


def script(title: str, text: str, boxes: list[tuple[str, str]], number: int, language: str) -> str:
    """What is said for one step: its number and title, its text, then its boxes."""
    step, tip, careful = STEP_WORDS.get(language, ("", "", ""))
    labels = {"tip": tip, "careful": careful}
    parts = [f"{step} {number}. {title}" if step else title, text]
    parts += [f"{labels[kind]}: {box}" if labels.get(kind) else box for kind, box in boxes]
    return " ".join(_sentence(part) for part in parts if part.strip())


def _sentence(part: str) -> str:
    part = " ".join(part.split())
    return part if part[-1:] in ".!?…:" else part + "."


def speakable(text: str, language: str, table: Pronunciations) -> str:
    """The text as a voice should read it."""
    text = unicodedata.normalize("NFC", text)
    text = URL.sub(lambda match: f" {_address(match.group(0), language, table)} ", text)
    text = WORD.sub(lambda match: table.say(match.group(0), language) or match.group(0), text)
    if language == "vi":
        text = _vietnamese_numbers(text)
    for symbol, words in SYMBOLS.items():
        text = text.replace(symbol, words if language == "vi" else " ")
    text = SILENT.sub(" ", text).replace("“", "").replace("”", "").replace('"', "")
    text = re.sub(r"\s+([.,:;!?])", r"\1", " ".join(text.split()))
    return PUNCTUATION_RUN.sub(_strongest, text).strip(" ,")


def _strongest(match: re.Match) -> str:
    """One mark where several met: `ai phôn,.` → `ai phôn.`."""
    marks = match.group(0).replace(" ", "")
    return next((mark for mark in "?!.:" if mark in marks), ",")


def _address(url: str, language: str, table: Pronunciations) -> str:
    url = re.sub(r"^(?:https?://)?(?:www\.)?", "", url).rstrip("./")
    dot = "chấm" if language == "vi" else "."
    slash = "gạch chéo" if language == "vi" else "/"
    spoken = []
    for index, path_part in enumerate(url.split("/")):
        host = [table.say(part, language) or part for part in path_part.split(".") if part]
        spoken.append(f" {dot} ".join(host) if index == 0 else " ".join(host))
    return f" {slash} ".join(part for part in spoken if part)


def _vietnamese_numbers(text: str) -> str:
    text = DATE.sub(_date, text)
    text = TIME.sub(lambda m: f"{numbers.number(int(m[1]))} giờ {numbers.number(int(m[2]))}", text)
    text = PERCENT.sub(lambda m: f"{m[1]} phần trăm", text)
    text = PHONE.sub(lambda m: numbers.digits(m.group(0)), text)
    text = GROUPED.sub(lambda m: numbers.number(int(m.group(0).replace(".", ""))), text)
    text = DECIMAL.sub(lambda m: f"{numbers.number(int(m[1]))} phẩy {numbers.digits(m[2])}", text)
    return WHOLE.sub(lambda m: numbers.number(int(m.group(0))), text)


def _date(match: re.Match) -> str:
    day, month, year = int(match[2]), int(match[3]), match[4]
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return match.group(0)
    said = f"{(match[1] or 'ngày ').strip()} {numbers.number(day)} tháng {numbers.number(month)}"
    return f"{said} năm {numbers.number(int(year))}" if year else said
