from pathlib import Path

import pytest

from trainer.content.model import Problem
from trainer.speech.numbers import number
from trainer.speech.text import (
    Pronunciations,
    read_pronunciations,
    script,
    speakable,
    unknown_words,
)

TABLE = Pronunciations(
    {
        "vi": {
            "VNeID": "vê nê ai đi",
            "OTP": "ô tê pê",
            "passcode": "pát cốt",
            "gov": "gờ o vê",
            "dichvucong": "dịch vụ công",
            "VietQR": "việt kiu a",
        }
    }
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


def test_a_number_in_the_table_is_said_as_written_except_inside_a_date_or_time():
    table = Pronunciations({"vi": {"06": "không sáu"}})

    said = speakable("Đề án 06 được duyệt ngày 06/01/2022, lúc 7:06.", "vi", table)

    assert said == (
        "Đề án không sáu được duyệt ngày sáu tháng một năm hai nghìn không trăm hai mươi hai, "
        "lúc bảy giờ sáu."
    )


def test_money_with_thousand_dots_is_read_as_an_amount():
    said = speakable("Giá 25.000 đồng 1 cân.", "vi", TABLE)

    assert said == "Giá hai mươi lăm nghìn đồng một cân."


def test_phone_numbers_are_read_digit_by_digit_with_a_pause_between_groups():
    said = speakable("Gọi 0912 345 678, đừng dùng 123456.", "vi", TABLE)

    assert said == (
        "Gọi không chín một hai, ba bốn năm, sáu bảy tám, đừng dùng một hai ba bốn năm sáu."
    )


def test_a_hotline_is_read_digit_group_by_digit_group_not_as_thousands():
    # before: "một nghìn chín trăm chín nghìn không trăm chín mươi"
    assert speakable("Gọi 1900 9090.", "vi", TABLE) == (
        "Gọi một chín không không, chín không chín không."
    )
    assert speakable("Gọi 19009090.", "vi", TABLE) == (
        "Gọi một chín không không, chín không chín không."
    )


def test_money_written_with_the_dong_sign_is_read_as_dong():
    said = speakable("Gạo 25.000đ một cân, phí 15.000 VNĐ.", "vi", TABLE)

    assert said == "Gạo hai mươi lăm nghìn đồng một cân, phí mười lăm nghìn đồng."


def test_a_fraction_and_24_7_are_not_read_as_dates():
    # before: "ngày một tháng ba", "ngày hai mươi tư tháng bảy"
    said = speakable("Trả trước 1/3 số tiền. Tổng đài trực 24/7.", "vi", TABLE)

    assert said == "Trả trước một phần ba số tiền. Tổng đài trực hai mươi tư trên bảy."


def test_a_day_and_month_is_a_date_after_ngay_or_when_the_day_is_the_larger():
    said = speakable("Hạn ngày 1/3, Quốc khánh 2/9, trước 30/6, ngày 24/7.", "vi", TABLE)

    assert said == (
        "Hạn ngày một tháng ba, Quốc khánh ngày hai tháng chín, trước ngày ba mươi tháng sáu, "
        "ngày hai mươi tư tháng bảy."
    )


def test_a_version_number_is_read_with_cham():
    # before: "bốn.không"
    assert speakable("Không cài VssID 4.0 từ link lạ.", "vi", Pronunciations()) == (
        "Không cài VssID bốn chấm không từ link lạ."
    )


def test_dates_times_and_percentages_become_words():
    said = speakable("Ngày 2/9/2025 lúc 7:30, giảm 50%.", "vi", TABLE)

    assert said == (
        "Ngày hai tháng chín năm hai nghìn không trăm hai mươi lăm lúc bảy giờ ba mươi, "
        "giảm năm mươi phần trăm."
    )


def test_a_web_address_is_read_part_by_part_in_vietnamese_letters():
    # before: "vneid chấm gốp chấm vn", which the voice read with English rules
    said = speakable("Vào trang https://vneid.gov.vn.", "vi", TABLE)

    assert said == "Vào trang vê en e i đê chấm gờ o vê chấm vê en."


def test_a_part_of_an_address_the_table_knows_is_said_as_the_table_says():
    said = speakable("Gõ địa chỉ dichvucong.gov.vn vào trình duyệt.", "vi", TABLE)

    assert said == "Gõ địa chỉ dịch vụ công chấm gờ o vê chấm vê en vào trình duyệt."


def test_an_email_address_is_read_with_a_cong():
    said = speakable("Viết cho hotro@dichvucong.gov.vn.", "vi", TABLE)

    assert said == "Viết cho hát o tê e rờ o a còng dịch vụ công chấm gờ o vê chấm vê en."


def test_a_symbol_standing_alone_is_named():
    # before: "ký hiệu như hoặc" (the symbols were dropped)
    said = speakable("Dùng ký hiệu như @ hoặc #, hay * và $.", "vi", TABLE)

    assert said == "Dùng ký hiệu như a còng hoặc thăng, hay sao và đô la."


def test_a_password_is_spelled_character_by_character_with_capitals_said():
    # before: "cà phê sáng bảy giờ!" (capitals, the digit and "!" were lost)
    said = speakable('Ví dụ: "CaPheSang7Gio!". Đừng dùng đúng ví dụ này.', "vi", TABLE)

    assert said == (
        "Ví dụ: chữ hoa xê, a, chữ hoa pê, hát, e, chữ hoa ét, a, en, gờ, bảy, "
        "chữ hoa gờ, i, o, chấm than. Đừng dùng đúng ví dụ này."
    )


def test_a_brand_name_with_capitals_but_no_digit_or_symbol_is_not_spelled():
    said = speakable("Quét mã VietQR bằng Passcode.", "vi", TABLE)

    assert said == "Quét mã việt kiu a bằng pát cốt."


def test_a_password_is_not_reported_as_an_unknown_abbreviation():
    assert unknown_words('Ví dụ: "CaPheSang7Gio!" hay BHYT.', "vi", TABLE) == {"BHYT"}


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
