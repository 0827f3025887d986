import io
from pathlib import Path

import zxingcpp
from PIL import Image

from tests.factories import shipped_catalog, write_lesson
from trainer.content.catalog import load_catalog
from trainer.services.reading.poster import SIZE, poster_text, render_poster

URL = "https://hoc.example.vn/bai-hoc/mat-khau"
REPOSITORY = Path(__file__).resolve().parents[3]


def poster_of(root: Path, slug: str, url: str = URL) -> Image.Image:
    catalog, _ = load_catalog(root)
    lesson = catalog.lesson(slug)
    text = poster_text(lesson, catalog.topic(lesson.topic).title(), url)
    return Image.open(io.BytesIO(render_poster(text)))


def test_the_poster_is_a_portrait_picture_whose_qr_code_opens_the_lesson(content):
    image = poster_of(content, "mat-khau")

    assert image.format == "PNG"
    assert image.size == SIZE and SIZE[1] > SIZE[0]
    assert [found.text for found in zxingcpp.read_barcodes(image)] == [URL]


def test_the_poster_names_the_lesson_its_first_steps_and_its_warning(content):
    catalog, _ = load_catalog(content)

    text = poster_text(catalog.lesson("mat-khau"), "An toàn trên mạng", URL)

    assert text.title == "Mật khẩu an toàn"
    assert text.steps == ("Dùng câu dài", "Không đưa mật khẩu cho ai")
    assert text.careful == "Ai hỏi mã OTP là kẻ lừa đảo."


def test_a_lesson_of_twelve_long_steps_still_fits_with_a_readable_qr_code(content):
    steps = "".join(
        f"\n## Bước rất dài số {n} để thử xem chữ có tràn ra ngoài hay không nhé\n\n"
        f"Làm theo.\n\n![Một ổ khóa](an-toan/o-khoa.svg)\n"
        for n in range(1, 13)
    )
    write_lesson(
        content,
        title="Một bài học có tên rất dài để thử áp phích xem sao",
        body="Mở đầu.\n" + steps,
    )
    long_url = "http://192.168.100.200:5000/bai-hoc/bai-moi?lang=hmn"

    image = poster_of(content, "bai-moi", long_url)

    assert [found.text for found in zxingcpp.read_barcodes(image)] == [long_url]


def test_a_shipped_lesson_makes_a_poster_with_a_qr_code_to_it():
    catalog, _ = shipped_catalog()
    lesson = next(lesson for (slug, lang), lesson in catalog.lessons.items() if lang == "vi")
    url = f"http://127.0.0.1:5000/bai-hoc/{lesson.slug}"

    image = poster_of(REPOSITORY, lesson.slug, url)

    assert [found.text for found in zxingcpp.read_barcodes(image)] == [url]
