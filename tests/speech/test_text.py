from pathlib import Path

import pytest

from trainer.content.model import Problem
from trainer.speech.numbers import number
from trainer.speech.text import Pronunciations, read_pronunciations, script, speakable

TABLE = Pronunciations(
    {"vi": {"VNeID": "vê nê ai đi", "OTP": "ô tê pê", "passcode": "pát cốt", "gov": "gốp"}}
)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (0, "không"),
        (15, "mười lăm"),
        (21, "hai mươi mốt"),
        (24, "hai mươi tư"),
        (105, "một trăm linh năm"),
        (1005, "một nghìn không trăm linh năm"),
        (25000, "hai mươi lăm nghìn"),
        (2024, "hai nghìn không trăm hai mươi tư"),
        (1500000, "một triệu năm trăm nghìn"),
    ],
)
def test_numbers_are_read_as_vietnamese_words(value, words):
    assert number(value) == words


def test_abbreviations_are_said_as_the_table_says():
    said = speakable("Mở VNeID, nhập mã OTP rồi Passcode.", "vi", TABLE)

    assert said == "Mở vê nê ai đi, nhập mã ô tê pê rồi pát cốt."


def test_a_table_key_with_capitals_matches_only_as_written():
    table = Pronunciations({"vi": {"AI": "ây ai"}})

    assert speakable("AI giúp ai?", "vi", table) == "ây ai giúp ai?"


def test_money_with_thousand_dots_is_read_as_an_amount():
    said = speakable("Giá 25.000 đồng 1 cân.", "vi", TABLE)

    assert said == "Giá hai mươi lăm nghìn đồng một cân."


def test_phone_numbers_and_codes_are_read_digit_by_digit():
    said = speakable("Gọi 0912 345 678, đừng dùng 123456.", "vi", TABLE)

    assert said == (
        "Gọi không chín một hai ba bốn năm sáu bảy tám, đừng dùng một hai ba bốn năm sáu."
    )


def test_dates_times_and_percentages_become_words():
    said = speakable("Ngày 2/9/2025 lúc 7:30, giảm 50%.", "vi", TABLE)

    assert said == (
        "Ngày hai tháng chín năm hai nghìn không trăm hai mươi lăm lúc bảy giờ ba mươi, "
        "giảm năm mươi phần trăm."
    )


def test_a_web_address_is_read_as_words_not_letter_by_letter():
    said = speakable("Vào trang https://vneid.gov.vn.", "vi", TABLE)

    assert said == "Vào trang vneid chấm gốp chấm vn."


def test_markdown_marks_and_symbols_are_never_spoken():
    said = speakable('Bấm **"Cài đặt"** → xong ✓ #1 `mã`', "vi", TABLE)

    assert said == "Bấm Cài đặt xong một mã"


def test_a_step_is_said_with_its_number_title_text_and_boxes():
    said = script("Nhập mã", "Nhập mã từ tin nhắn", [("careful", "Không đọc mã cho ai")], 2, "vi")

    assert said == "Bước 2. Nhập mã. Nhập mã từ tin nhắn. Cẩn thận: Không đọc mã cho ai."


def test_the_shipped_pronunciation_table_has_no_problems():
    table, problems = read_pronunciations(Path(__file__).resolve().parents[2])

    assert problems == []
    assert table.say("VNeID", "vi")


def test_a_bad_pronunciation_entry_is_reported_at_its_line(tmp_path):
    (tmp_path / "lessons").mkdir()
    (tmp_path / "lessons/pronunciation.yaml").write_text(
        "vi:\n  OTP: ô tê pê\n  mã QR: kiu a\n  DVC:\n", encoding="utf-8"
    )

    _, problems = read_pronunciations(tmp_path)

    assert problems == [
        Problem(Path("lessons/pronunciation.yaml"), 3, "`mã QR` must be one word, without spaces"),
        Problem(
            Path("lessons/pronunciation.yaml"),
            4,
            "`DVC` needs the words to say, like `OTP: ô tê pê`",
        ),
    ]
