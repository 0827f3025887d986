"""Numbers typed by people: the digits 0-9 only, in range, never a crash."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.services.common.typed_numbers import whole_number


@pytest.mark.parametrize(
    "text", ["²", "٣", "１２", "9" * 5000, "-1", "1.5", "0x1", "", None, "12a"]
)
def test_what_is_not_a_plain_whole_number_reads_as_none(text):
    assert whole_number(text, 0, 100_000) is None


def test_a_number_is_read_with_spaces_around_it_and_only_within_its_range():
    assert whole_number(" 42 ", 1, 50) == 42
    assert whole_number("51", 1, 50) is None
    assert whole_number("0", 1, 50) is None


def test_thousands_may_be_grouped_with_dots_or_spaces_where_the_field_allows():
    assert whole_number("1.200", 0, 100_000, grouped=True) == 1200
    assert whole_number("12 000", 0, 100_000, grouped=True) == 12000
    assert whole_number("1.200", 0, 100_000) is None
    assert whole_number("1.20", 0, 100_000, grouped=True) is None


@settings(max_examples=500, deadline=None, derandomize=True, database=None)
@given(st.text(max_size=40) | st.sampled_from(["²", "9" * 5000, "١٢"]), st.booleans())
def test_any_text_is_a_number_in_range_or_none(text, grouped):
    number = whole_number(text, 0, 1000, grouped=grouped)

    assert number is None or 0 <= number <= 1000
