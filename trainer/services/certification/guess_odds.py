"""Test-wise guessers who never studied, and the odds they pass a bank by the real draw.

Every simulated attempt is the real one: `grading.draw` picks the items (one or more from
every lesson) and shuffles their choices, the guesser sees only what the page shows (the
question and the choices in shown order), and `grading.grade` marks the answers.

Guessers:
- random: the baseline, a blind guess on every item;
- shortest / longest: the shortest (longest) choice; in a multiple item the shorter
  (longer) half; in an order item, shortest (longest) first;
- middle: neither the longest nor the shortest choice;
- 2nd shortest / 2nd longest: the choice one step in from the shortest (longest);
- words: the choice sharing most words with the question;
- always Đúng: Đúng on every true/false item, a blind guess elsewhere;
- letter A: always the first shown choice, and the steps in the order shown;
- mix: the middle choice sharing most words with the question, Đúng, and in a multiple
  item every choice but the shortest;
- refusing: the choice that refuses or defers ("Không…", "Tắt máy", "Hỏi cán bộ"), the
  habit that passes a safety bank whose wrong choices are all reckless.
A member who studied knows a random 90 % of the bank and guesses the rest blindly.
"""

from __future__ import annotations

import random
import re

from trainer.content.model import Quiz
from trainer.content.refusal import refuses
from trainer.services.certification import grading, retakes

STUDIED = 0.9
STUDIED_NAME = "studied 90 %"

WORD = re.compile(r"\w+")
STUDIED = 0.9
STUDIED_NAME = "studied 90 %"


def blind(kind, question, shown, rng):
    if kind == "multiple":
        picked = [p for p in range(len(shown)) if rng.random() < 0.5]
        return picked or [rng.randrange(len(shown))]
    if kind == "order":
        return rng.sample(range(len(shown)), len(shown))
    return [rng.randrange(len(shown))]


def by_score(score):
    """A guesser who takes the choices that score highest (ties broken at random)."""

    def guess(kind, question, shown, rng):
        scores = [score(question, text) + rng.random() / 1000 for text in shown]
        ranked = sorted(range(len(shown)), key=lambda p: -scores[p])
        if kind == "multiple":
            return ranked[: max(1, len(shown) // 2)]
        if kind == "order":
            return ranked
        return ranked[:1]

    return guess


def shared_words(question, text):
    return len(set(WORD.findall(question.lower())) & set(WORD.findall(text.lower())))


def middle(kind, question, shown, rng):
    if kind not in ("single", "picture") or len(shown) < 3:
        return blind(kind, question, shown, rng)
    lengths = [len(text) for text in shown]
    inner = [p for p in range(len(shown)) if min(lengths) < lengths[p] < max(lengths)]
    return [rng.choice(inner or range(len(shown)))]


def by_length_rank(rank):
    """The choice at this place when the choices are sorted by length (0: the shortest)."""

    def guess(kind, question, shown, rng):
        if kind not in ("single", "picture") or len(shown) < 3:
            return blind(kind, question, shown, rng)
        ranked = sorted(range(len(shown)), key=lambda p: (len(shown[p]), rng.random()))
        return [ranked[rank]]

    return guess


def refusing(kind, question, shown, rng):
    """The choice that refuses or defers (one at random when several do); in a multiple
    item every refusing choice; Đúng for a warning and Sai for a permission."""
    if kind == "order":
        return blind(kind, question, shown, rng)
    if kind == "true_false":
        return [0] if refuses(question) else [1]
    cautious = [p for p in range(len(shown)) if refuses(shown[p])]
    if kind == "multiple":
        return cautious or blind(kind, question, shown, rng)
    return [rng.choice(cautious or range(len(shown)))]


def always_dung(kind, question, shown, rng):
    return [0] if kind == "true_false" else blind(kind, question, shown, rng)


def letter_a(kind, question, shown, rng):
    return list(range(len(shown))) if kind == "order" else [0]


def mix(kind, question, shown, rng):
    lengths = [len(text) for text in shown]
    if kind == "true_false":
        return [0]
    if kind == "multiple":
        shortest = min(range(len(shown)), key=lambda p: lengths[p])
        return [p for p in range(len(shown)) if p != shortest]
    if kind == "order":
        return blind(kind, question, shown, rng)
    inner = [p for p in range(len(shown)) if min(lengths) < lengths[p] < max(lengths)]
    pool = inner or list(range(len(shown)))
    return [max(pool, key=lambda p: shared_words(question, shown[p]) + rng.random() / 1000)]


GUESSERS = {
    "random": blind,
    "shortest": by_score(lambda question, text: -len(text)),
    "longest": by_score(lambda question, text: len(text)),
    "middle": middle,
    "2nd shortest": by_length_rank(1),
    "2nd longest": by_length_rank(-2),
    "words": by_score(shared_words),
    "always Đúng": always_dung,
    "letter A": letter_a,
    "mix": mix,
    "refusing": refusing,
}


def answer(guess, quiz, drawn, rng, known=frozenset()):
    """Shown positions for each drawn item: right when known, else the guesser's."""
    by_id = {item.id: item for item in quiz.items}
    answers = {}
    for entry in drawn:
        item = by_id[entry.item_id]
        if item.id in known:
            answers[item.id] = [entry.shown.index(choice) for choice in item.answer]
        else:
            shown = [item.choices[choice].text for choice in entry.shown]
            answers[item.id] = guess(item.type, item.text, shown, rng)
    return answers


def attempt(guess, quiz, rng, seen=(), known=frozenset()):
    """One real attempt: its grade and what was drawn."""
    drawn = grading.draw(quiz, rng, seen)
    return grading.grade(quiz, drawn, answer(guess, quiz, drawn, rng, known)), drawn


def per_attempt(guess, quiz, rng, trials, known_share=0.0):
    """Share of attempts passed, and items right on average."""
    ids = [item.id for item in quiz.items]
    passed = right = 0
    for _ in range(trials):
        known = frozenset(rng.sample(ids, round(known_share * len(ids))))
        grade, _ = attempt(guess, quiz, rng, known=known)
        passed += grade.passed
        right += grade.right
    return passed / trials, right / trials


def month_passes(guess, quiz, rng, attempts):
    """True when one of the month's attempts passes; each avoids the last attempts' items."""
    history: list[set[str]] = []
    for _ in range(attempts):
        seen = set().union(*history[-retakes.SEEN_ATTEMPTS :])
        grade, drawn = attempt(guess, quiz, rng, seen)
        if grade.passed:
            return True
        history.append({entry.item_id for entry in drawn})
    return False


def bank_odds(quiz: Quiz, trials: int, seed: int = 10) -> dict[str, float]:
    """Share of attempts each guesser passes, and ("studied 90 %") a member who knows 90 %."""
    rng = random.Random(seed)
    odds = {name: per_attempt(guess, quiz, rng, trials)[0] for name, guess in GUESSERS.items()}
    odds[STUDIED_NAME] = per_attempt(blind, quiz, rng, trials, known_share=STUDIED)[0]
    return odds
