"""The one reader every spreadsheet import uses: Excel's files read exactly, bad ones told."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.factories import windows_vietnamese
from trainer.services.common.uploaded_table import BadFile, find_columns, read_table


def test_a_cell_excel_quoted_with_doubled_quotes_is_read_exactly():
    data = 'to;thon_ban\r\nTổ A;"Bản ""Mới"" 6384"\r\n'.encode()

    table = read_table(data)

    assert table.rows == [(2, ["Tổ A", 'Bản "Mới" 6384'])]


def test_a_quoted_cell_may_hold_a_line_break_and_the_next_row_keeps_its_own_line():
    data = b'ten,ghi_chu\n"A","hai\ndong"\n"B",x\n'

    table = read_table(data)

    assert table.rows == [(2, ["A", "hai\ndong"]), (4, ["B", "x"])]


def test_the_header_is_matched_without_accents_and_blank_rows_are_skipped():
    table = read_table("Tên tổ,Xã/Phường\n\n,\nTổ A,Xã B\n".encode())

    assert table.header == ["ten_to", "xa_phuong"]
    assert table.rows == [(4, ["Tổ A", "Xã B"])]


def test_a_file_not_in_utf_8_is_refused_naming_its_line():
    data = windows_vietnamese("to,thon\nTổ A,Bản Mới\n")

    with pytest.raises(BadFile, match=r"^Dòng 2: .*UTF-8"):
        read_table(data)


def test_the_same_file_reads_when_its_windows_encoding_is_chosen():
    data = windows_vietnamese("to,thon\nTổ A,Bản Mới\n")

    assert read_table(data, "cp1258").rows == [(2, ["Tổ A", "Bản Mới"])]


def test_a_cell_of_200_kb_is_refused_naming_its_line():
    data = b"to,thon\nA,B\nC," + b"x" * 200_000 + b"\n"

    with pytest.raises(BadFile, match=r"^Dòng 3: có ô dài quá 128 KB"):
        read_table(data)


def test_an_empty_file_and_a_missing_column_are_told_in_vietnamese():
    with pytest.raises(BadFile, match="Tệp trống"):
        read_table(b"")
    with pytest.raises(BadFile, match="Dòng 1: thiếu cột thon_ban"):
        find_columns(["to"], {"team": ("to",), "village": ("thon_ban",)}, ["team", "village"])


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(st.binary(max_size=400), st.sampled_from(["utf-8", "cp1258", "latin-1"]))
def test_any_bytes_are_read_as_a_table_or_refused_with_a_message(data, encoding):
    try:
        table = read_table(data, encoding)
    except BadFile as error:
        assert str(error)
        return
    assert all(line >= 2 for line, _ in table.rows)
