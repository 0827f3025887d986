"""`trainer keys` makes the certificate-signing key pair; `trainer verify` checks a
certificate with the public key alone, no database and no network."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import click

if TYPE_CHECKING:
    from trainer.services.certification.verification import Verification

VALID, INVALID, UNCHECKED = 0, 1, 2  # exit codes
SIGNATURE_SAYS = {
    "valid": "HỢP LỆ: do khóa {key} ký, đúng từng chữ đang ghi.",
    "forged": "SAI: không khóa nào đã cho ký những gì mã này ghi. Giấy đã bị sửa hoặc là giả.",
    "unreadable": "KHÔNG ĐỌC ĐƯỢC: đây không phải dấu ký của giấy chứng nhận (thiếu chữ?).",
    "no_key": "CHƯA KIỂM TRA: không có khóa công khai (--public-key TỆP).",
    "unsigned": "KHÔNG CÓ: một mã gõ tay không mang chữ ký; hãy quét mã QR trên giấy.",
}


@click.command()
@click.option(
    "--replace", is_flag=True, help="Làm cặp khóa mới dù đã có (giữ lại khóa công khai cũ)."
)
def keys(replace: bool):
    """Làm cặp khóa Ed25519 ký giấy chứng nhận, trong thư mục instance."""
    from trainer.app import settings_app
    from trainer.services.certification import signing_keys

    app = settings_app()
    try:
        pair = signing_keys.make_keys(Path(app.instance_path), replace=replace)
    except signing_keys.KeyProblem as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Khóa bí mật (giữ kín, quyền 0600): {pair.private}")
    click.echo(f"Khóa công khai {pair.fingerprint}: {pair.public}")
    if pair.retired:
        click.echo(f"Khóa công khai cũ vẫn xác minh được giấy đã in: {pair.retired}")


@click.command()
@click.argument("certificate")
@click.option(
    "--public-key",
    "key_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Khóa công khai của nơi cấp (PEM); mặc định: khóa của máy chủ này.",
)
def verify(certificate: str, key_file: Path | None):
    """Kiểm tra giấy chứng nhận CERTIFICATE không cần mạng: địa chỉ xác minh, ảnh mã QR
    (PNG, JPG), mã giấy, hoặc tệp Open Badges .json. Thoát 0 hợp lệ, 1 không hợp lệ, 2 không
    kiểm tra được."""
    from trainer.app import settings_app
    from trainer.commands.catalog import catalog_of
    from trainer.services.certification import signing_keys, verification
    from trainer.services.certification.qr_reading import CannotRead
    from trainer.services.common import clock

    app = settings_app()
    try:
        keys = (
            [signing_keys.read_public_key(key_file)]
            if key_file
            else signing_keys.public_keys(Path(app.instance_path))
        )
    except signing_keys.KeyProblem as error:
        raise click.ClickException(str(error)) from error
    path = Path(certificate)
    if path.suffix.lower() == ".json" and path.is_file():
        sys.exit(_verify_badge(path, keys))
    try:
        text, prefix = _seal_text(certificate)
    except CannotRead as error:
        click.echo(str(error), err=True)
        sys.exit(UNCHECKED)
    found = verification.check_offline(text, keys, clock.local_day(clock.now()))
    titles = {topic.slug: topic.title() for topic in catalog_of(app).topics}
    for line in report(found, titles, prefix):
        click.echo(line)
    sys.exit(_exit_code(found))


def _seal_text(certificate: str) -> tuple[str, str | None]:
    """(the seal or code, the verify address before it) from what the user gave."""
    from trainer.services.certification.qr_reading import CannotRead, qr_texts

    path = Path(certificate)
    if path.is_file():
        texts = qr_texts(path)
        if not texts:
            raise CannotRead(f"{path}: no QR code found in the picture.")
        certificate = texts[0]
    if "://" in certificate:
        address = urlsplit(certificate)
        start, _, last = address.path.rstrip("/").rpartition("/")
        return last, f"{address.scheme}://{address.netloc}{start}/"
    return certificate.strip(), None


def report(found: Verification, titles: dict[str, str], prefix: str | None) -> list[str]:
    """What `trainer verify` prints: each check made, then the fields the signature proves."""
    from trainer.services.certification import signing_keys
    from trainer.services.certification.certificate_image import day

    key = signing_keys.fingerprint(found.key) if found.key else ""
    lines = [f"Chữ ký:    {SIGNATURE_SAYS[found.signature].format(key=key)}"]
    if found.code:
        trusted = found.signature not in ("forged", "no_key")
        lines.append(
            f"Mã:        {found.code}" + ("" if trusted else " (ghi trên giấy, chưa tin được)")
        )
    if found.sealed:
        sealed = found.sealed
        lines += [
            f"Họ tên:    {sealed.name}",
            f"Tổ:        {sealed.team or '(không có)'}",
            f"Chủ đề:    {titles.get(sealed.topic, sealed.topic)}",
            f"Cấp ngày:  {day(sealed.issued_on)}",
            f"Hạn:       {day(sealed.expires_on)}"
            + (" (ĐÃ HẾT HẠN)" if found.expired_by_date else " (còn hạn hôm nay)"),
        ]
    if found.signature in ("valid", "no_key", "unsigned"):
        where = f" Khi có mạng, mở {prefix}{found.code}" if prefix and found.code else ""
        lines.append(f"Thu hồi:   chưa kiểm tra (không dùng cơ sở dữ liệu).{where}")
    lines.append(f"Kết luận:  {_conclusion(found)}")
    return lines


def _conclusion(found: Verification) -> str:
    if found.signature != "valid":
        return "KHÔNG HỢP LỆ." if found.signature in ("forged", "unreadable") else "CHƯA RÕ."
    if found.expired_by_date:
        return "Giấy thật nhưng ĐÃ HẾT HẠN."
    return "Giấy THẬT, CÒN HẠN (chưa biết có bị thu hồi không)."


def _exit_code(found: Verification) -> int:
    if found.signature == "valid":
        return INVALID if found.expired_by_date else VALID
    return INVALID if found.signature in ("forged", "unreadable") else UNCHECKED


def _verify_badge(path: Path, keys) -> int:
    from trainer.services.certification import open_badge

    try:
        name, team, topic = open_badge.verified_holder(path.read_text(encoding="utf-8"), keys)
    except open_badge.ExpiredCredential as error:
        click.echo(f"Chữ ký:    HỢP LỆ, nhưng giấy ĐÃ HẾT HẠN ({error}).")
        return INVALID
    except (open_badge.NotACredential, UnicodeDecodeError) as error:
        click.echo(f"Chữ ký:    SAI ({error}).")
        click.echo("Kết luận:  KHÔNG HỢP LỆ.")
        return INVALID
    click.echo("Chữ ký:    HỢP LỆ (Open Badges 3.0, eddsa-rdfc-2022).")
    click.echo(f"Họ tên:    {name}\nTổ:        {team or '(không có)'}\nChủ đề:    {topic}")
    click.echo("Kết luận:  Giấy THẬT (xem hạn trong tệp; chưa biết có bị thu hồi không).")
    return VALID
