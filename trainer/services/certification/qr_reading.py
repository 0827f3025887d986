"""Reading the QR codes in a picture (a certificate's PNG, a photo or a scan of the paper)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, UnidentifiedImageError


class CannotRead(RuntimeError):
    """No QR reader installed, or the file is not a picture; message says what to do."""


def qr_texts(path: Path) -> list[str]:
    """The text of every QR code found in the picture at path (none found: an empty list).

    :raises CannotRead: zxing-cpp is not installed, or the file is not a picture.
    """
    try:
        import zxingcpp
    except ImportError as error:
        raise CannotRead(
            "Reading QR codes needs zxing-cpp, which did not install on this machine: "
            "`pip install zxing-cpp`, or give the address or code printed under the QR code."
        ) from error
    try:
        with Image.open(path) as image:
            found = zxingcpp.read_barcodes(
                image.convert("L"), formats=zxingcpp.BarcodeFormat.QRCode
            )
    except (UnidentifiedImageError, OSError) as error:
        raise CannotRead(f"{path} is not a picture that can be opened") from error
    return [barcode.text for barcode in found]
