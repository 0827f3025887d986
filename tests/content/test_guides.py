from pathlib import Path

from trainer.content.catalog import load_catalog
from trainer.content.guides import read_guide
from trainer.content.model import Problem

GUIDE = Path("lessons/guides/an-toan.md")


def rewrite(content: Path, old: str, new: str, name: Path = GUIDE) -> None:
    path = content / name
    path.write_text(path.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def line_of(content: Path, needle: str, name: Path = GUIDE) -> int:
    lines = (content / name).read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def test_a_guide_reads_its_intro_sections_and_checklist_items(content):
    guide, problems = read_guide(content / GUIDE, GUIDE)

    assert problems == []
    assert guide.topic == "an-toan"
    assert guide.title == "Giúp bà con giữ an toàn trên mạng"
    assert guide.intro.startswith("Làm cùng bà con")
    assert [section.title for section in guide.sections] == [
        "Trước khi bắt đầu",
        "Đặt mật khẩu",
        "Không bao giờ",
    ]
    never = guide.sections[-1]
    assert never.is_never
    assert (
        never.items[0].html == "Không bao giờ hỏi mật khẩu hay mã <strong>OTP</strong> của bà con."
    )
    assert guide.sources[0].url == "https://khonggianmang.vn/bai-viet/mat-khau-an-toan"


def test_the_catalog_holds_each_valid_guide_by_topic(content):
    catalog, problems = load_catalog(content)

    assert problems == []
    assert list(catalog.guides) == ["an-toan"]


def test_a_guide_without_the_never_section_is_reported_and_left_out(content):
    rewrite(content, "## Không bao giờ", "## Nhớ kỹ")

    catalog, problems = load_catalog(content)

    assert problems == [
        Problem(GUIDE, 1, "missing the section `## Không bao giờ`: list what never to do")
    ]
    assert catalog.guides == {}


def test_a_guide_for_an_unknown_topic_is_reported(content):
    (content / GUIDE).rename(content / "lessons/guides/vneid.md")

    _, problems = load_catalog(content)

    assert [(p.path, p.line) for p in problems] == [(Path("lessons/guides/vneid.md"), 1)]
    assert problems[0].message.startswith("no topic `vneid`")


def test_a_paragraph_inside_a_section_is_reported_at_its_line(content):
    rewrite(content, "- Chọn một câu dài dễ nhớ.", "Chọn một câu dài dễ nhớ.\n")

    _, problems = read_guide(content / GUIDE, GUIDE)

    line = line_of(content, "Chọn một câu dài")
    assert problems == [
        Problem(GUIDE, line, "a section holds only a bullet list (`- ` lines) of short items")
    ]


def test_a_long_item_is_reported_at_its_line(content):
    long_item = "- " + " ".join(["chữ"] * 31)
    rewrite(content, "- Hỏi bà con muốn làm gì hôm nay.", long_item)

    _, problems = read_guide(content / GUIDE, GUIDE)

    assert problems == [
        Problem(GUIDE, line_of(content, long_item), "item has 31 words; keep each to 30")
    ]


def test_a_missing_title_and_a_bad_language_are_both_reported(content):
    rewrite(content, "title: Giúp bà con giữ an toàn trên mạng\nlanguage: vi", "language: hmn")

    guide, problems = read_guide(content / GUIDE, GUIDE)

    assert guide is None
    assert problems == [
        Problem(GUIDE, 2, "missing field `title`"),
        Problem(GUIDE, 2, "`language` must be `vi`"),
    ]


def test_a_deeper_heading_is_refused(content):
    rewrite(content, "## Đặt mật khẩu", "### Đặt mật khẩu")

    _, problems = read_guide(content / GUIDE, GUIDE)

    assert (
        Problem(
            GUIDE,
            line_of(content, "### Đặt"),
            "`###` headings are not allowed; start each section with `## `",
        )
        in problems
    )
