"""The lessons, topics and pictures in this repository are reviewed like code: they must pass."""

from tests.factories import shipped_catalog


def test_shipped_content_has_no_problems():
    _, problems = shipped_catalog()

    assert [str(problem) for problem in problems] == []


def test_every_topic_has_at_least_two_lessons():
    catalog, _ = shipped_catalog()

    counts = {topic.slug: len(catalog.lessons_in(topic.slug)) for topic in catalog.topics}

    assert {"cho-so-4t", "vneid", "ai-nong-nghiep", "an-toan-so"} <= set(counts)
    assert min(counts.values()) >= 2, counts


def test_every_original_cites_its_sources():
    catalog, _ = shipped_catalog()

    uncited = [
        slug
        for (slug, language), lesson in catalog.lessons.items()
        if language == "vi" and not lesson.sources
    ]

    assert uncited == []
