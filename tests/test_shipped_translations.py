"""The minority-language drafts the plans ask for: safety lessons and VNeID set-up."""

from pathlib import Path

import pytest

from trainer.content.catalog import load_catalog

REPOSITORY = Path(__file__).resolve().parent.parent
CATALOG, _ = load_catalog(REPOSITORY)
SLUGS = [
    "chia-se-it-thong-tin",
    "mat-khau-an-toan",
    "nhan-biet-lua-dao",
    "cai-dat-vneid",
    "binh-dan-hoc-vu-so",
    "ket-noi-wifi-va-du-lieu",
    "cai-ung-dung-tu-cua-hang",
    "may-bao-day-bo-nho",
    "chu-to-de-nhin",
]
LANGUAGES = ["hmn", "blt"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_the_lesson_exists_in_the_language_with_the_same_pictures_step_by_step(slug, language):
    original = CATALOG.lessons[(slug, "vi")]

    translation = CATALOG.lessons.get((slug, language))

    assert translation is not None, f"no {language} version of {slug}"
    assert [step.illustration.src for step in translation.steps] == [
        step.illustration.src for step in original.steps
    ]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_a_translation_is_a_draft_until_a_named_native_speaker_reviews_it(slug, language):
    translation = CATALOG.lessons[(slug, language)]

    assert translation.status == "draft" or translation.reviewer


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_minority_language_says_its_variety_script_and_that_a_native_writer_is_needed(
    language,
):
    about = CATALOG.languages[language]

    assert about.variety and about.script
    assert "native writer" in about.writer
