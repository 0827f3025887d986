import io
from datetime import date

import zxingcpp
from PIL import Image

from trainer.services.certification.certificate_image import (
    SIZE,
    CertificateCard,
    render_certificate,
)

URL = "https://hoc.example.vn/xac-minh/K7Q2-XR4M-PL9D-TT3A"


def card(**changes) -> CertificateCard:
    fields = {
        "name": "Nguyễn Thị Hồng Nhung",
        "team": "Tổ CNSCĐ-Xã Mường Phăng",
        "topic": "An toàn trên mạng",
        "code": "K7Q2-XR4M-PL9D-TT3A",
        "issued_on": date(2026, 11, 22),
        "expires_on": date(2027, 11, 22),
    }
    return CertificateCard(**{**fields, **changes})


def test_the_certificate_is_a_png_picture_of_a4_landscape_proportions():
    image = Image.open(io.BytesIO(render_certificate(card(), URL)))

    assert (image.format, image.size) == ("PNG", SIZE)


def test_its_qr_code_decodes_to_the_verify_address():
    image = Image.open(io.BytesIO(render_certificate(card(), URL)))

    assert [found.text for found in zxingcpp.read_barcodes(image)] == [URL]


def test_a_very_long_name_is_shrunk_to_stay_clear_of_the_qr_code():
    long_name = "Hoàng Thị Phương Thảo Nguyễn Ngọc Bích Trần Quỳnh Như"

    image = Image.open(io.BytesIO(render_certificate(card(name=long_name), URL)))

    assert [found.text for found in zxingcpp.read_barcodes(image)] == [URL]
    gap_before_the_qr_code = image.convert("L").crop((952, 100, 962, 900))
    assert gap_before_the_qr_code.getextrema() == (255, 255)


def test_a_demonstrated_skill_adds_a_line_and_changes_the_picture():
    plain = render_certificate(card(), URL)

    shown = render_certificate(card(demonstrated_on=date(2026, 12, 1)), URL)

    assert plain != shown
