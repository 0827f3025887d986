"""Reading a quiz form, and where a redirect goes: whatever is sent, an answer or a refusal,
never an error (checked on many generated values; derandomized, so a run never flakes)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict

from trainer.web.certification.quiz_form import BadForm, answers_from_form
from trainer.web.core.links import safe_next

TEXT = st.text(st.characters(codec="utf-8"), max_size=60) | st.sampled_from(
    ["²", "٣", "9" * 5000, "-1", " 1", "1.5", "0x1"]
)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.lists(st.tuples(TEXT, TEXT), max_size=12))
def test_any_quiz_form_is_read_as_answers_or_refused(fields):
    try:
        answers = answers_from_form(MultiDict(fields))
    except BadForm:
        return
    assert all(
        isinstance(position, int) and 0 <= position < 1000
        for given in answers.values()
        for position in given
    )


@pytest.mark.parametrize("value", ["²", "٣", "9" * 5000, "-1", "1.5"])
def test_a_position_that_is_not_a_small_plain_number_is_refused(value):
    with pytest.raises(BadForm):
        answers_from_form(MultiDict([("otp-ai-hoi", value)]))


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(TEXT)
def test_a_redirect_address_is_always_a_path_on_this_site(target):
    kept = safe_next(target, "/cua-toi")

    assert kept == "/cua-toi" or (
        kept.startswith("/")
        and not kept.startswith("//")
        and "\\" not in kept
        and not any(ord(char) < 32 or ord(char) == 127 for char in kept)
    )
