"""The `trainer` command: thin wrappers over the content pipeline and the server.

Commands import the web app, the database and the pipeline only when they run, so
`trainer check` loads neither Flask nor SQLAlchemy, and `create-user` makes no pictures.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from trainer.commands import item_stats, signing
from trainer.commands.audio_packs import audio
from trainer.commands.check import check
from trainer.commands.records import records, start_pusher
from trainer.commands.speech_text import speech_text
from trainer.commands.vietnamese import speak_vietnamese
from trainer.config import Defaults

speak_vietnamese()
ROLES = {
    "admin": "quản trị",
    "instructor": "giảng viên",
    "member": "thành viên",
    "province": "cán bộ Sở",
}


@click.group()
def cli():
    """Bài học, giọng đọc và chứng nhận cho Tổ Công nghệ số cộng đồng."""


@cli.command("content-stats")
@click.option(
    "--content",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=lambda: os.environ.get("TRAINER_CONTENT_DIR", Defaults.CONTENT_DIR),
    help="Thư mục chứa lessons/, media/ và quizzes/.",
)
@click.option(
    "--build",
    "build_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Thư mục build có audio/manifest.json cho biết bước nào có giọng đọc "
    "(mặc định: TRAINER_BUILD_DIR của ứng dụng).",
)
@click.option(
    "--trials",
    type=click.IntRange(min=0),
    default=500,
    show_default=True,
    help="Số lần mỗi kiểu đoán làm mỗi bộ câu hỏi; 0 bỏ bảng đoán.",
)
def content_stats(content: Path, build_dir: Path | None, trials: int):
    """Bài, bước, số chữ mỗi bước, hình, giọng đọc và bộ câu hỏi theo chủ đề và ngôn ngữ;
    tỉ lệ đạt của mỗi kiểu đoán theo bộ câu hỏi, và số câu cho mỗi bước bài học."""
    from trainer.app import settings_app
    from trainer.content import stats as content_stats_report
    from trainer.services.certification.guess_odds import bank_odds
    from trainer.speech import manifest
    from trainer.speech.stage import AUDIO

    if build_dir is None:
        build_dir = Path(settings_app().config["BUILD_DIR"])
    stats = content_stats_report.collect(Path(content), manifest.built(Path(build_dir) / AUDIO))
    odds = {bank.topic: bank_odds(bank.quiz, trials) for bank in stats.banks if trials}
    for line in content_stats_report.render(stats, odds):
        click.echo(line)


@cli.command()
@click.option(
    "--videos",
    is_flag=True,
    help="Làm thêm video cho nhóm Zalo của mọi bài đã có giọng đọc (cần FFmpeg; mất vài phút).",
)
@click.option(
    "--address",
    default=None,
    help="Địa chỉ mọi người mở trang, ghi ở cuối video và trong mã QR "
    "(mặc định: TRAINER_PUBLIC_BASE_URL), ví dụ http://192.168.1.10:5000.",
)
def build(videos: bool, address: str | None):
    """Làm hình, giọng đọc, chỉ mục tìm kiếm và danh mục đã kiểm tra vào thư mục instance."""
    from trainer import pipeline
    from trainer.app import settings_app
    from trainer.content import build as content_build

    app = settings_app()
    address = address or app.config["PUBLIC_BASE_URL"]
    if videos and not address:
        raise click.UsageError(
            "--videos cần địa chỉ mọi người mở trang, để ghi ở cuối video: đặt "
            "TRAINER_PUBLIC_BASE_URL hoặc ghi --address http://192.168.1.10:5000"
        )
    stages = pipeline.named_stages(app.config, address if videos else None)
    say = click.echo if sys.stdout.isatty() else lambda line: None  # a log file wants no steps
    say(f"[1/{len(stages) + 1}] Hình và danh mục bài…")
    report = content_build.build(
        Path(app.config["CONTENT_DIR"]),
        Path(app.config["BUILD_DIR"]),
        [
            pipeline.announced(stage, f"[{n}/{len(stages) + 1}] {name}…", say)
            for n, (name, stage) in enumerate(stages, start=2)
        ],
    )
    for line in report.lines:
        click.echo(line)
    _certificate_key(Path(app.instance_path))
    if report.problems:
        click.echo(
            f"{len(report.problems)} lỗi nội dung: những tệp đó bị bỏ ra. "
            "Chạy `trainer check` để xem danh sách.",
            err=True,
        )


def _certificate_key(instance: Path) -> None:
    """Make the certificate-signing key on a fresh install, so the first certificate's QR
    code carries a signed seal with no extra step."""
    from trainer.services.certification import signing_keys

    if signing_keys.signing_key(instance) is None:
        signing_keys.ensure_signing_key(instance)
        click.echo(f"Made the certificate-signing key in {signing_keys.folder(instance)}.")


@cli.command()
@click.option(
    "--host", default=lambda: os.environ.get("HOST", "127.0.0.1"), show_default="HOST or 127.0.0.1"
)
@click.option(
    "--port",
    default=lambda: int(os.environ.get("PORT", "5000")),
    type=int,
    show_default="PORT or 5000",
)
@click.option("--workers", default=2, show_default=True, help="Số tiến trình phục vụ.")
@click.option("--threads", default=4, show_default=True, help="Số luồng mỗi tiến trình.")
@click.option(
    "--hall",
    is_flag=True,
    help="Cho nhà văn hóa: phục vụ trên Wi-Fi của máy (và 127.0.0.1), ghi địa chỉ đó vào "
    "mọi mã QR và địa chỉ cho hội trường (không dùng --host).",
)
@click.option(
    "--interface",
    default=lambda: os.environ.get("HALL_INTERFACE") or None,
    help="Với --hall: mạng điện thoại đang dùng (wlan0, …); hỏi khi có nhiều mạng.",
)
def serve(host: str, port: int, workers: int, threads: int, hall: bool, interface: str | None):
    """Phục vụ trang web bằng gunicorn, máy chủ WSGI dùng thật."""
    from trainer import database, serving
    from trainer.app import create_app, settings_app

    chosen = None
    if hall:
        from trainer.commands import hall_mode

        chosen = hall_mode.choose(interface)
    elif busy := serving.why_not_bindable(host, port):
        raise click.ClickException(busy)
    database.upgrade(settings_app().config["DATABASE_URL"])
    app = create_app()
    binds = [f"{host}:{port}"]
    if chosen is not None:
        binds = hall_mode.apply(app, chosen, port)
        click.echo(f"Điện thoại trong hội trường mở: {app.config['PUBLIC_BASE_URL']}/")
    click.echo(f"Đang phục vụ tại {', '.join(f'http://{b}/' for b in binds)} (Ctrl+C để dừng)")
    pusher = start_pusher(app.config)  # sends records to the province, when configured
    try:
        serving.serve(app, binds, workers, threads)
    finally:
        if pusher is not None:
            pusher.terminate()


@cli.command("db-upgrade")
def db_upgrade():
    """Đưa cơ sở dữ liệu lên lược đồ mới nhất; `trainer serve` tự làm việc này."""
    from trainer import database
    from trainer.app import settings_app

    url = settings_app().config["DATABASE_URL"]
    database.upgrade(url)
    click.echo(f"Cơ sở dữ liệu đang ở bản chuyển đổi {database.current_revision(url)}.")


@cli.command("create-user")
@click.option(
    "--role", type=click.Choice(["admin", "instructor", "member", "province"]), required=True
)
@click.option("--name", "full_name", prompt="Họ và tên", help="Họ và tên.")
@click.option(
    "--login", prompt="Tên đăng nhập hoặc số điện thoại", help="Tên đăng nhập hoặc số điện thoại."
)
@click.option(
    "--team", "teams", multiple=True, help="Tổ được quản lý (lặp lại được) hoặc tổ tham gia."
)
@click.password_option(
    "--password",
    prompt="Mật khẩu",
    confirmation_prompt="Nhập lại mật khẩu",
    help="Hỏi khi không ghi ở đây.",
)
def create_user(role: str, full_name: str, login: str, teams: tuple[str, ...], password: str):
    """Tạo tài khoản quản trị, giảng viên (hoặc thành viên)."""
    from trainer import database
    from trainer.app import settings_app
    from trainer.extensions import db
    from trainer.services.members import accounts

    app = settings_app()
    database.upgrade(app.config["DATABASE_URL"])
    with app.app_context():
        try:
            user = accounts.create_user(db.session, full_name, login, password, role, teams)
        except accounts.AccountError as error:
            raise click.ClickException(error.message) from error
        click.echo(f"Đã tạo {ROLES[user.role]} {user.full_name} ({user.login_name}).")


cli.add_command(check)
cli.add_command(speech_text)
cli.add_command(audio)
cli.add_command(records)
for command in (signing.keys, signing.verify, item_stats.item_stats):
    cli.add_command(command)


if __name__ == "__main__":  # `python -m trainer.cli`, as `trainer serve` starts the pusher
    cli()
