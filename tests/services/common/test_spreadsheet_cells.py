import pytest

from trainer.services.common.spreadsheet_cells import data_cell


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+84912345678", "'+84912345678"),
        ("-", "'-"),
        ("@here", "'@here"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("\x00=1+1", "'=1+1"),
        ("Tổ\x0b Hoa\x85 Ban", "Tổ Hoa Ban"),
        ("Hai dòng\nvẫn giữ", "Hai dòng\nvẫn giữ"),
        ("Xã Mường Phăng", "Xã Mường Phăng"),
        (-3, -3),
        (12, 12),
    ],
)
def test_text_that_could_run_as_a_formula_is_written_as_plain_text(value, written):
    assert data_cell(value) == written
