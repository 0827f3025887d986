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
    "retired": "SAI: khóa {key} đã thôi dùng từ {retired}, mà giấy ghi ngày cấp sau đó.",
    "compromised": "KHÔNG TIN ĐƯỢC: khóa {key} đã bị lộ; chỉ hồ sơ của máy chủ mới xác nhận được.",
    "unreadable": "KHÔNG ĐỌC ĐƯỢC: đây không phải dấu ký của giấy chứng nhận (thiếu chữ?).",
    "no_key": "CHƯA KIỂM TRA: không có khóa công khai (--public-key TỆP).",
    "unsigned": "KHÔNG CÓ: một mã gõ tay không mang chữ ký; hãy quét mã QR trên giấy.",
}


@click.command()
@click.option(
    "--replace",
    is_flag=True,
    help="Làm cặp khóa mới; khóa cũ thôi dùng từ hôm nay (giấy cấp trước đó vẫn đúng).",
)
@click.option(
    "--compromised",
    is_flag=False,
    flag_value="current",
    default=None,
    metavar="[VÂN-TAY]",
    help="Khóa đã bị lộ: không ghi gì thì là khóa đang dùng (làm cặp mới luôn); "
    "hoặc vân tay SHA256:… của một khóa đã thôi dùng. Từ nay chỉ giấy có trong hồ sơ "
    "của máy chủ mới còn đúng.",
)
def keys(replace: bool, compromised: str | None):
    """Làm cặp khóa Ed25519 ký giấy chứng nhận, trong thư mục instance."""
    from trainer.app import settings_app
    from trainer.services.certification import signing_keys

    instance = Path(settings_app().instance_path)
    try:
        if compromised and compromised != "current":
            signing_keys.mark_compromised(instance, compromised)
            click.echo(f"Đã ghi khóa {compromised} là đã bị lộ.")
            return
        pair = signing_keys.make_keys(instance, replace=replace, compromised=bool(compromised))
    except signing_keys.KeyProblem as error:
        raise click.ClickException(str(error)) from error
    click.echo(f"Khóa bí mật (giữ kín, quyền 0600): {pair.private}")
    click.echo(f"Khóa công khai {pair.fingerprint}: {pair.public}")
    if pair.retired and compromised:
        click.echo(f"Khóa cũ đã bị ghi là lộ; chỉ giấy có trong hồ sơ còn đúng: {pair.retired}")
    elif pair.retired:
        click.echo(f"Khóa cũ thôi dùng từ hôm nay; giấy nó ký trước đó vẫn đúng: {pair.retired}")


@click.command()
@click.argument("certificate")
@click.option(
    "--public-key",
    "key_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Khóa công khai của nơi cấp (PEM); mặc định: khóa của máy chủ này.",
)
@click.option(
    "--status-list",
    "list_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Bản lưu danh sách thu hồi của máy chủ (tải ở /xac-minh/danh-sach-thu-hoi.jwt).",
)
def verify(certificate: str, key_file: Path | None, list_file: Path | None):
    """Kiểm tra giấy chứng nhận CERTIFICATE không cần mạng: địa chỉ xác minh, ảnh mã QR
    (PNG, JPG), mã giấy, hoặc tệp Open Badges .json. Thoát 0 hợp lệ, 1 không hợp lệ, 2 không
    kiểm tra được."""
    from trainer.app import settings_app
    from trainer.commands.catalog import catalog_of
    from trainer.services.certification import verification
    from trainer.services.certification.qr_reading import CannotRead
    from trainer.services.common import clock

    app = settings_app()
    keys = _keys(Path(app.instance_path), key_file)
    saved = _status_list(list_file, keys) if list_file else None
    path = Path(certificate)
    if _names_a_file(certificate) and not path.is_file():
        click.echo(f"Không có tệp {certificate}.", err=True)
        sys.exit(UNCHECKED)
    if path.suffix.lower() == ".json" and path.is_file():
        sys.exit(_verify_badge(path, keys, list_file))
    try:
        text, prefix = _seal_text(certificate)
    except CannotRead as error:
        click.echo(str(error), err=True)
        sys.exit(UNCHECKED)
    found = verification.check_offline(text, keys, clock.local_day(clock.now()), saved)
    titles = {topic.slug: topic.title() for topic in catalog_of(app).topics}
    for line in report(found, titles, prefix):
        click.echo(line)
    sys.exit(_exit_code(found))


def _keys(instance: Path, key_file: Path | None) -> list:
    """The keys to check with: the file given (another issuer's), else this server's own."""
    from trainer.services.certification import key_life, signing_keys

    try:
        if key_file:
            return [key_life.given(signing_keys.read_public_key(key_file))]
        return key_life.known_keys(instance)
    except signing_keys.KeyProblem as error:
        raise click.ClickException(str(error)) from error


def _status_list(path: Path, keys: list):
    """The saved revocation list, once its signature checks out; exit 2 when it does not."""
    from trainer.services.certification import status_list

    try:
        return status_list.read_list(path.read_text(encoding="utf-8"), keys)
    except (OSError, UnicodeDecodeError) as error:
        click.echo(f"Không đọc được danh sách thu hồi {path}: {error}", err=True)
    except status_list.NotAStatusList as error:
        click.echo(f"Danh sách thu hồi {path} không dùng được: {error}.", err=True)
    sys.exit(UNCHECKED)


def _names_a_file(certificate: str) -> bool:
    """True for what can only be a file's name (a picture, a badge, a path)."""
    suffix = Path(certificate).suffix.lower()
    return "://" not in certificate and (
        suffix in (".png", ".jpg", ".jpeg", ".json", ".webp") or "/" in certificate
    )


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
    from trainer.services.certification.certificate_image import day

    signer = found.signer
    key = signer.fingerprint if signer else ""
    retired = signer.retired_on.strftime("%d/%m/%Y") if signer and signer.retired_on else ""
    lines = [f"Chữ ký:    {SIGNATURE_SAYS[found.signature].format(key=key, retired=retired)}"]
    if signer:
        lines.append(f"Khóa ký:   {key}: {key_said(signer)}")
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
        lines.append(f"Thu hồi:   {_revocation_said(found, prefix)}")
    lines.append(f"Kết luận:  {_conclusion(found)}")
    return lines


def key_said(signer) -> str:
    """Whose key signed, and where it stands in its life."""
    from trainer.services.certification import key_life

    day = "%d/%m/%Y"
    return {
        key_life.CURRENT: "khóa đang dùng của máy chủ này",
        key_life.RETIRED: "khóa cũ của máy chủ này, thôi dùng từ "
        + (signer.retired_on.strftime(day) if signer.retired_on else "?"),
        key_life.COMPROMISED: "khóa của máy chủ này, ĐÃ BỊ LỘ từ "
        + (signer.compromised_on.strftime(day) if signer.compromised_on else "?"),
        key_life.GIVEN: "khóa bạn đưa (--public-key), không phải của máy chủ này",
    }[signer.state]


def _revocation_said(found: Verification, prefix: str | None) -> str:
    from trainer.services.common.clock import shown_time

    where = f" Khi có mạng, mở {prefix}{found.code}" if prefix and found.code else ""
    saved = found.status_list
    if saved is None:
        return f"chưa kiểm tra (không có danh sách thu hồi: --status-list TỆP).{where}"
    age = saved.age()
    made = f"danh sách làm lúc {shown_time(saved.issued_at)}, cách đây {_age_said(age)}"
    if found.listed == "revoked":
        return f"ĐÃ BỊ THU HỒI ({made})."
    if found.listed == "clear":
        return f"chưa bị thu hồi tính đến lúc đó ({made}).{where if age.days >= 1 else ''}"
    return f"giấy cũ không mang số trong danh sách ({made}).{where}"


def _age_said(age) -> str:
    if age.days >= 1:
        return f"{age.days} ngày"
    return f"{max(age.seconds // 3600, 0)} giờ" if age.seconds >= 3600 else "chưa đến 1 giờ"


def _conclusion(found: Verification) -> str:
    if found.signature == "compromised":
        return "KHÔNG TIN ĐƯỢC: khóa đã bị lộ; hãy kiểm tra trên trang của máy chủ."
    if found.signature != "valid":
        bad = ("forged", "unreadable", "retired")
        return "KHÔNG HỢP LỆ." if found.signature in bad else "CHƯA RÕ."
    if found.listed == "revoked":
        return "Giấy thật nhưng ĐÃ BỊ THU HỒI."
    if found.expired_by_date:
        return "Giấy thật nhưng ĐÃ HẾT HẠN."
    if found.listed == "clear":
        return "Giấy THẬT, CÒN HẠN, chưa bị thu hồi tính đến ngày của danh sách."
    return "Giấy THẬT, CÒN HẠN (chưa biết có bị thu hồi không)."


def _exit_code(found: Verification) -> int:
    if found.signature == "valid":
        return INVALID if found.expired_by_date or found.listed == "revoked" else VALID
    return (
        INVALID
        if found.signature in ("forged", "unreadable", "retired", "compromised")
        else UNCHECKED
    )


def _verify_badge(path: Path, keys, list_file: Path | None) -> int:
    from trainer.services.certification import open_badge

    try:
        badge = open_badge.verified_badge(path.read_text(encoding="utf-8"), keys)
    except open_badge.ExpiredCredential as error:
        click.echo(f"Chữ ký:    HỢP LỆ, nhưng giấy ĐÃ HẾT HẠN ({error}).")
        return INVALID
    except (open_badge.NotACredential, UnicodeDecodeError) as error:
        click.echo(f"Chữ ký:    SAI ({error}).")
        click.echo("Kết luận:  KHÔNG HỢP LỆ.")
        return INVALID
    signer = badge.signer
    if not signer.vouches_for(badge.issued_on):
        click.echo(f"Chữ ký:    KHÔNG TIN ĐƯỢC: khóa {signer.fingerprint}: {key_said(signer)}.")
        click.echo("Kết luận:  KHÔNG HỢP LỆ.")
        return INVALID
    click.echo("Chữ ký:    HỢP LỆ (Open Badges 3.0, eddsa-rdfc-2022).")
    click.echo(f"Khóa ký:   {signer.fingerprint}: {key_said(signer)}")
    click.echo(f"Họ tên:    {badge.name}\nTổ:        {badge.team or '(không có)'}")
    click.echo(f"Chủ đề:    {badge.topic}")
    saved = _status_list(list_file, keys) if list_file else None
    if saved is not None and badge.index is not None:
        from trainer.services.certification.verification import Verification

        listed = "revoked" if saved.says_revoked(badge.index) else "clear"
        found = Verification("valid", listed=listed, status_list=saved, signer=signer)
        click.echo(f"Thu hồi:   {_revocation_said(found, None)}")
        if listed == "revoked":
            click.echo("Kết luận:  Giấy thật nhưng ĐÃ BỊ THU HỒI.")
            return INVALID
        click.echo("Kết luận:  Giấy THẬT, chưa bị thu hồi tính đến ngày của danh sách.")
        return VALID
    click.echo("Kết luận:  Giấy THẬT (xem hạn trong tệp; chưa biết có bị thu hồi không).")
    return VALID
