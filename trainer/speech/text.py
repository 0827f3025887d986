"""Speech-ready text: what a voice should say, not what the page shows.

Markdown marks are never spoken; a symbol standing alone is named ("@" is "a còng");
abbreviations, brand names and loanwords are said as the reviewed table in
`lessons/pronunciation.yaml` says, in Vietnamese spelling so the Vietnamese voice never
switches language; in Vietnamese, numbers, dates, money, fractions and phone numbers become
words (`numbers`); a web address is read part by part, each unknown part letter by letter
("vneid chấm gờ o vê" → "vê en e i đê chấm …"); a password-like token is spelled character
by character with "chữ hoa" before capitals (`spelling`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from trainer.content.model import Problem
from trainer.content.source import load_yaml, read_text
from trainer.speech import spelling
from trainer.speech.numbers import say_numbers

PRONUNCIATION_FILE = Path("lessons") / "pronunciation.yaml"

URL = re.compile(
    r"\b(?:https?://|www\.)[^\s,;)\"”]*[^\s,;)\"”.!?]"
    r"|\b(?:[a-z0-9-]+\.)+(?:vn|com|net|org)\b(?:/[^\s,;)\"”]*[^\s,;)\"”.!?])?"
)
EMAIL = re.compile(r"\b[\w.+-]+@(?:[a-z0-9-]+\.)+[a-z]{2,}\b")
TOKEN = re.compile(  # a word that may be a password: in quotes, or alone before its punctuation
    r"[\"“](?P<quoted>[^\s\"“”]{6,})[\"”]"
    r"|(?<![^\s(])(?P<bare>[^\s\"“”()]{6,}?)(?=[.,;:!?)]*(?:\s|$))"
)
ALONE = re.compile(r"(?<![^\s\"“”'(,;:])([@#*$_~^\\])(?![^\s\"“”'),.;:!?])")
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
NUMBER_JOIN = re.compile(r"[/:.,]\d")  # after a number: it goes on as a date, time or figure
NUMBER_JOIN_BEFORE = re.compile(r"\d[/:.,]$")
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
    text = TOKEN.sub(lambda m: " " if spelling.is_password(_token(m)) else m.group(0), text)
    words = {match.group(0) for match in WORD.finditer(URL.sub(" ", EMAIL.sub(" ", text)))}
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
    pieces = [(unicodedata.normalize("NFC", text), False)]
    pieces = _said(pieces, EMAIL, lambda match: _email(match.group(0), language, table))
    pieces = _said(pieces, URL, lambda match: _address(match.group(0), language, table))
    if language == "vi":
        pieces = _said(pieces, TOKEN, lambda match: _password(_token(match), table))
    text = "".join(part if said else _plain(part, language, table) for part, said in pieces)
    text = re.sub(r"\s+([.,:;!?])", r"\1", " ".join(text.split()))
    return PUNCTUATION_RUN.sub(_strongest, text).strip(" ,")


Pieces = list[tuple[str, bool]]  # (text, already said as words)


def _said(pieces: Pieces, pattern: re.Pattern, say: Callable[[re.Match], str | None]) -> Pieces:
    """Replace each match in the pieces not yet said by what `say` makes of it (None: keep)."""
    out: Pieces = []
    for text, said in pieces:
        if said:
            out.append((text, said))
            continue
        at = 0
        for match in pattern.finditer(text):
            spoken = say(match)
            if spoken is not None:
                out += [(text[at : match.start()], False), (f" {spoken} ", True)]
                at = match.end()
        out.append((text[at:], False))
    return out


def _plain(text: str, language: str, table: Pronunciations) -> str:
    """Words, numbers and symbols of text that holds no address or password."""
    text = WORD.sub(lambda match: _entry(match, language, table), text)
    if language == "vi":
        text = say_numbers(text)
        text = ALONE.sub(lambda match: f" {spelling.SYMBOLS[match.group(1)]} ", text)
    for symbol, words in SYMBOLS.items():
        text = text.replace(symbol, words if language == "vi" else " ")
    return SILENT.sub(" ", text).replace("“", "").replace("”", "").replace('"', "")


def _entry(match: re.Match, language: str, table: Pronunciations) -> str:
    """The table's reading of a word; a number inside a date, time or figure (`06` in
    `06/01/2022` or `7:06`) is left for the number rules."""
    word, text = match.group(0), match.string
    if word.isdigit() and (
        NUMBER_JOIN.match(text, match.end()) or NUMBER_JOIN_BEFORE.search(text[: match.start()])
    ):
        return word
    return table.say(word, language) or word


def _token(match: re.Match) -> str:
    return match["quoted"] or match["bare"]


def _password(token: str, table: Pronunciations) -> str | None:
    if not spelling.is_password(token) or table.say(token, "vi"):
        return None
    return spelling.spell(token)


def _strongest(match: re.Match) -> str:
    """One mark where several met: `ai phôn,.` → `ai phôn.`."""
    marks = match.group(0).replace(" ", "")
    return next((mark for mark in "?!.:" if mark in marks), ",")


def _address(url: str, language: str, table: Pronunciations) -> str:
    """A web address part by part: "vneid.gov.vn" → "vê en e i đê chấm gờ o vê chấm vê en"."""
    url = re.sub(r"^(?:https?://)?(?:www\.)?", "", url).rstrip("./")
    dot = "chấm" if language == "vi" else "."
    slash = "gạch chéo" if language == "vi" else "/"
    spoken = []
    for index, path_part in enumerate(url.split("/")):
        if index == 0:
            host = [_host_part(part, language, table) for part in path_part.split(".") if part]
            spoken.append(f" {dot} ".join(host))
        else:
            spoken.append(" ".join(table.say(w, language) or w for w in path_part.split(".")))
    return f" {slash} ".join(part for part in spoken if part)


def _host_part(part: str, language: str, table: Pronunciations) -> str:
    """One part of a host name: as the table says, else letter by letter in Vietnamese."""
    said = table.say(part, language)
    if said or language != "vi":
        return said or part
    return " ".join(spelling.letters(piece) for piece in part.split("-") if piece)


def _email(address: str, language: str, table: Pronunciations) -> str:
    user, host = address.split("@", 1)
    at = spelling.SYMBOLS["@"] if language == "vi" else "@"
    return f"{_address(user, language, table)} {at} {_address(host, language, table)}"
