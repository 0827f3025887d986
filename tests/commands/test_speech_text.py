"""`trainer speech-text`: a reviewer reads what the voice will say, step by step."""

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from trainer.cli import cli

REPOSITORY = Path(__file__).resolve().parents[2]
READINGS = REPOSITORY / "tests/data/readings"  # one lesson with every pattern the voice must read


@pytest.fixture
def readings(tmp_path: Path) -> Path:
    """The readings lesson, with the shipped pronunciation table."""
    root = shutil.copytree(READINGS, tmp_path / "readings")
    shutil.copyfile(REPOSITORY / "lessons/pronunciation.yaml", root / "lessons/pronunciation.yaml")
    return root


def speech_text(root: Path, *args: str):
    return CliRunner().invoke(cli, ["speech-text", *args, "--content", str(root)])


def test_every_step_of_the_readings_lesson_is_printed_as_the_voice_reads_it(readings):
    result = speech_text(readings, "doc-dung")

    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.output.splitlines()]
    assert lines == [
        "Đọc cho đúng (doc-dung, vi): giọng đọc sẽ đọc như sau",
        "0  Đọc cho đúng. Mỗi bước là một cách viết mà giọng đọc phải đọc cho người nghe hiểu.",
        "1  Bước một. Ký hiệu. Mật khẩu có ký hiệu như a còng hoặc thăng, có thể có sao hay đô la.",
        "2  Bước hai. Mật khẩu mẫu. Ví dụ: chữ hoa xê, a, chữ hoa pê, hát, e, chữ hoa ét, a, "
        "en, gờ, bảy, chữ hoa gờ, i, o, chấm than. Đừng dùng đúng ví dụ này.",
        "3  Bước ba. Địa chỉ trang. Vào trang vê en e i đê chấm gờ o vê chấm vê en "
        "hoặc dịch vụ công chấm gờ o vê chấm vê en.",
        "4  Bước bốn. Tổng đài. Gọi tổng đài một chín không không, chín không chín không "
        "hoặc số không chín một hai, ba bốn năm, sáu bảy tám.",
        "5  Bước năm. Tiền. Gạo hai mươi lăm nghìn đồng một cân, phí giao mười lăm nghìn đồng.",
        "6  Bước sáu. Phân số và ngày. Trả trước một phần ba số tiền. "
        "Tổng đài trực hai mươi tư trên bảy. Hạn nộp ngày hai tháng chín.",
        "7  Bước bảy. Từ mượn. Mở xê hát pờ lây, bật mi cờ rô và ca mê ra của máy. "
        "Che ni lông cho mạ. Không cài vê ét ét ai đi bốn chấm không từ linh lạ.",
    ]


def test_a_word_the_offline_voice_reads_in_english_is_pointed_out(readings):
    table = readings / "lessons/pronunciation.yaml"
    table.write_text(
        table.read_text(encoding="utf-8").replace("micro: mi cờ rô", "micro: micro"),
        encoding="utf-8",
    )

    result = speech_text(readings, "doc-dung")

    assert "espeak-ng đọc theo luật tiếng Anh: micro" in result.output


def test_a_recorded_part_says_the_recording_is_played_instead(readings):
    folder = readings / "media/giong-doc/vi/doc-dung"
    folder.mkdir(parents=True)
    (folder / "buoc-2.mp3").write_bytes(b"ID3")

    result = speech_text(readings, "doc-dung")

    lines = result.output.splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("2  "))
    assert "đã ghi âm" in lines[at + 1]


def test_an_unknown_lesson_is_a_clear_error(readings):
    result = speech_text(readings, "khong-co", "--language", "vi")

    assert result.exit_code == 1
    assert "không có bài `khong-co` bằng `vi`" in result.output
