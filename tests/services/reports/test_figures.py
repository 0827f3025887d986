"""How the report orders names: as people number villages and teams, whatever they typed."""

from __future__ import annotations

from trainer.services.reports.figures import natural


def test_villages_are_ordered_as_people_number_them():
    names = ["Thôn 10", "thôn 2", "Bản Mới", "Thôn 1"]

    assert sorted(names, key=natural) == ["Bản Mới", "Thôn 1", "thôn 2", "Thôn 10"]


def test_a_name_with_a_superscript_digit_sorts_as_text_without_an_error():
    names = ["Tổ ²", "Tổ 3", "Tổ 12"]

    assert sorted(names, key=natural) == ["Tổ 3", "Tổ 12", "Tổ ²"]
