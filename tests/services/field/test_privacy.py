import pytest

from trainer.services.field.privacy import personal_number


@pytest.mark.parametrize(
    "text", ["0912345678", "091 234 5678", "+84 912 345 678", "0912.345.678", "gọi 0912-345-678"]
)
def test_phone_numbers_are_recognised_however_they_are_split(text):
    assert "số điện thoại" in personal_number(text)


@pytest.mark.parametrize("text", ["001234567890", "001 234 567 890", "CCCD 079-123-456-789"])
def test_twelve_digit_id_numbers_are_recognised(text):
    assert "căn cước" in personal_number(text)


@pytest.mark.parametrize("text", ["", "12", "Bản Che Căn", "2026-11-10", "Thôn 5", "12345678"])
def test_counts_dates_and_names_pass(text):
    assert personal_number(text) is None
