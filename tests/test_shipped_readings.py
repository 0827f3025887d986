"""What the voices read for the shipped lessons: Vietnamese words only, nothing misread."""

from pathlib import Path

from tests.factories import shipped_catalog
from trainer.speech.espeak import Espeak
from trainer.speech.stage import parts
from trainer.speech.text import read_pronunciations, speakable, unknown_words

REPOSITORY = Path(__file__).resolve().parent.parent


def vietnamese_parts():
    catalog, _ = shipped_catalog()
    table, _ = read_pronunciations(REPOSITORY)
    for (_, language), lesson in sorted(catalog.lessons.items()):
        if language == "vi":
            for part in parts(lesson):
                yield part, speakable(part.words, "vi", table)


def test_no_shipped_vietnamese_step_makes_the_offline_voice_switch_to_english():
    voice = Espeak()

    switched = {
        part.key: words
        for part, said in vietnamese_parts()
        if (words := voice.foreign_words(said, "vi"))
    }

    assert switched == {}


def test_every_entry_of_the_shipped_table_is_said_with_the_vietnamese_voice():
    table, _ = read_pronunciations(REPOSITORY)
    voice = Espeak()

    english = {
        word: said for word, said in table.words["vi"].items() if voice.foreign_words(said, "vi")
    }

    assert english == {}


def test_shipped_steps_have_no_abbreviation_the_table_lacks_and_no_symbol_left_unsaid():
    table, _ = read_pronunciations(REPOSITORY)
    unknown = set()
    unsaid = []
    for part, said in vietnamese_parts():
        unknown |= unknown_words(part.words, "vi", table)
        if any(char in said for char in "@#$%*/_\\0123456789"):
            unsaid.append(part.key)

    assert unknown == set()
    assert unsaid == []
