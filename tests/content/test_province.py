"""What differs by province comes from one file, lessons/tinh.yaml, that a province replaces."""

from tests.factories import line_of, write_lesson
from trainer.content.catalog import load_catalog
from trainer.content.model import Problem

PROVINCE = """ten-tinh: Điện Biên
ung-dung-phan-anh: Điện Biên Smart
sources:
  - title: Báo Điện Biên Phủ — Điện Biên Smart
    url: https://baodienbienphu.com.vn/tin-tuc/chinh-tri/219622/ung-dung
"""

BODY = """
Mở đầu ngắn.

## Cài ứng dụng của tỉnh {#cai}

Tỉnh {{tinh.ten-tinh}} dùng {{tinh.ung-dung-phan-anh}}. Tìm tên đó trên CH Play.

![Cửa hàng ứng dụng](an-toan/o-khoa.svg)
"""


def test_a_lesson_shows_the_names_the_province_file_gives(content):
    (content / "lessons" / "tinh.yaml").write_text(PROVINCE, encoding="utf-8")
    write_lesson(content, body=BODY)

    catalog, _ = load_catalog(content)

    step = catalog.lesson("bai-moi").steps[0]
    assert "Tỉnh Điện Biên dùng Điện Biên Smart." in step.text
    assert "tinh." not in step.html


def test_another_province_replaces_the_file_and_not_the_lesson(content):
    other = PROVINCE.replace("Điện Biên Smart", "Đồng Nai Số").replace("Điện Biên", "Đồng Nai")
    (content / "lessons" / "tinh.yaml").write_text(other, encoding="utf-8")
    write_lesson(content, body=BODY)

    catalog, _ = load_catalog(content)

    assert "Tỉnh Đồng Nai dùng Đồng Nai Số." in catalog.lesson("bai-moi").steps[0].text


def test_a_name_the_province_file_lacks_is_refused_at_its_line(content):
    (content / "lessons" / "tinh.yaml").write_text(PROVINCE, encoding="utf-8")
    shown = write_lesson(content, body=BODY.replace("ung-dung-phan-anh", "ung-dung-sau-benh"))

    _, problems = load_catalog(content)

    assert (
        Problem(
            shown,
            line_of(content, shown, "{{tinh.ung-dung-sau-benh}}"),
            "`{{tinh.ung-dung-sau-benh}}`: lessons/tinh.yaml has no name `ung-dung-sau-benh`",
        )
        in problems
    )


def test_a_province_file_without_sources_is_refused(content):
    bare = PROVINCE.split("sources:")[0]
    (content / "lessons" / "tinh.yaml").write_text(bare, encoding="utf-8")

    _, problems = load_catalog(content)

    assert any(
        problem.path.name == "tinh.yaml" and "missing field `sources`" in problem.message
        for problem in problems
    )
