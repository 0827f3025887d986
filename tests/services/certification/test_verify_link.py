import io
from datetime import date

import pytest
import zxingcpp
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from PIL import Image, ImageFilter

from trainer.services.certification.certificate_seal import Sealed, read, seal
from trainer.services.certification.verify_link import MAX_VERSION, verify_link

PREFIX = "https://cnscd.dienbien.gov.vn/xac-minh/"
CODE = "K7Q2-XR4M-PL9D-TT3A"
PEOPLE = [
    ("Lò Văn Páo", "Tổ CNSCĐ-Xã Mường Phăng"),
    ("Nguyễn Thị Hồng Nhung", "Tổ Công nghệ số cộng đồng thôn Nà Sản"),
    ("Ksor H'Blơng", "Tổ CNSCĐ-Xã Ia Kriêng, huyện Đức Cơ, tỉnh Gia Lai"),
    ("Hoàng Thị Phương Thảo Nguyễn", "Tổ Công nghệ số cộng đồng xã Quảng Khê, huyện Đắk Glong"),
]
PRINTED_DPI = 150  # a cheap printer, or a photo of the paper from arm's length


def sealed_for(name: str, team: str) -> Sealed:
    return Sealed(CODE, name, team, "dich-vu-so", date(2026, 11, 22), date(2027, 11, 22))


def printed(qr, width_cm: float, dpi: int = PRINTED_DPI) -> Image.Image:
    """The QR code as a scan of paper: width_cm wide at dpi, resampled and a little blurred."""
    out = io.BytesIO()
    qr.save(out, kind="png", scale=10, border=4)
    pixels = round(width_cm / 2.54 * dpi)
    image = (
        Image.open(io.BytesIO(out.getvalue())).convert("L").resize((pixels, pixels), Image.BILINEAR)
    )
    sheet = Image.new("L", (pixels + 40, pixels + 40), 255)
    sheet.paste(image, (20, 20))
    return sheet.filter(ImageFilter.GaussianBlur(0.6))


@pytest.fixture(scope="module")
def key():
    """A fixed key: Ed25519 signs deterministically, so every run draws the same QR codes."""
    return Ed25519PrivateKey.from_private_bytes(bytes(range(32)))


@pytest.mark.parametrize(("name", "team"), PEOPLE)
def test_the_sealed_address_fits_a_version_9_qr_code(key, name, team):
    link = verify_link(PREFIX, CODE, seal(sealed_for(name, team), key))

    assert link.sealed and link.qr.version <= MAX_VERSION
    assert link.url.startswith(PREFIX)
    assert read(link.url.removeprefix(PREFIX)).sealed == sealed_for(name, team)


@pytest.mark.parametrize(("name", "team"), PEOPLE)
def test_the_qr_code_printed_3_cm_wide_decodes_to_the_sealed_address(key, name, team):
    link = verify_link(PREFIX, CODE, seal(sealed_for(name, team), key))

    found = zxingcpp.read_barcodes(printed(link.qr, width_cm=3))

    assert [barcode.text for barcode in found] == [link.url]


def test_a_name_and_team_too_long_for_version_9_get_a_qr_code_of_the_code_alone(key):
    name = "Nguyễn Hoàng Thị Phương Thảo Ngọc Bích Quỳnh Như Khánh Linh"
    team = (
        "Tổ Công nghệ số cộng đồng liên thôn Khuổi Luông, Phiêng Lầu, Co Mạ, Nặm Ét, "
        "Pắc Ngà, Huổi Mí, Ta Bú, Mường Khiêng, Chiềng Xôm và Nậm Giôn"
    )

    link = verify_link(PREFIX, CODE, seal(sealed_for(name, team), key))

    assert not link.sealed and link.url == PREFIX + CODE
    assert link.qr.version <= MAX_VERSION


def test_without_a_key_the_qr_code_holds_the_code(key):
    link = verify_link(PREFIX, CODE, None)

    assert (link.url, link.sealed) == (PREFIX + CODE, False)
