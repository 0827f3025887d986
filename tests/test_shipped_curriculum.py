"""The curriculum a member is certified on: every topic has lessons, a full bank and a guide."""

from pathlib import Path

import pytest

from tests.factories import shipped_catalog
from trainer.content.model import ITEM_TYPES

REPOSITORY = Path(__file__).resolve().parent.parent
CATALOG, _ = shipped_catalog()
TOPICS = [topic.slug for topic in CATALOG.topics]


@pytest.mark.parametrize("topic", TOPICS)
def test_every_topic_has_a_bank_of_twenty_items_using_every_item_type(topic):
    bank = CATALOG.quizzes.get(topic)

    assert bank is not None, f"no question bank for {topic}"
    assert len(bank.items) >= 20
    assert {item.type for item in bank.items} == set(ITEM_TYPES)


@pytest.mark.parametrize("topic", TOPICS)
def test_every_topic_has_a_field_guide_that_says_what_never_to_do(topic):
    guide = CATALOG.guides.get(topic)

    assert guide is not None, f"no field guide for {topic}"
    never = [section for section in guide.sections if section.is_never]
    assert never and len(never[0].items) >= 3


@pytest.mark.parametrize("topic", TOPICS)
def test_quiz_pictures_are_drawn_for_the_quiz_not_borrowed_from_a_lesson(topic):
    """A lesson picture carries ticks and crosses that would give the answer away."""
    lesson_pictures = {
        step.illustration.src
        for lesson in CATALOG.lessons.values()
        for step in lesson.steps
        if step.illustration
    }
    bank = CATALOG.quizzes.get(topic)
    quiz_pictures = {
        choice.image for item in (bank.items if bank else ()) for choice in item.choices
    } - {None}

    assert quiz_pictures & lesson_pictures == set()


@pytest.mark.parametrize("topic", sorted(CATALOG.quizzes))
def test_at_least_half_of_each_bank_puts_the_member_beside_a_resident(topic):
    bank = CATALOG.quizzes[topic]

    scenarios = [item for item in bank.items if item.scenario]

    assert len(scenarios) * 2 >= len(bank.items)


@pytest.mark.parametrize("topic", sorted(CATALOG.quizzes))
def test_every_bank_has_practice_items_for_the_hall_apart_from_certification(topic):
    bank = CATALOG.quizzes[topic]

    assert len(bank.practice) >= 5
    assert not {item.id for item in bank.practice} & {item.id for item in bank.items}


GUIDE_SECTIONS = [
    "Xin phép trước khi cầm máy",
    "Khi gặp lỗi",
    "Bà con không đọc, không gõ được",
    "Ghi lại buổi hướng dẫn",
]


@pytest.mark.parametrize("topic", TOPICS)
def test_every_field_guide_opens_with_a_card_of_five_first_things(topic):
    guide = CATALOG.guides[topic]

    first = guide.sections[0]

    assert first.title == "5 việc đầu tiên"
    assert len(first.items) == 5


@pytest.mark.parametrize("topic", TOPICS)
def test_every_field_guide_covers_consent_trouble_residents_who_cannot_type_and_the_visit_note(
    topic,
):
    titles = [section.title for section in CATALOG.guides[topic].sections]

    assert [title for title in GUIDE_SECTIONS if title not in titles] == []
