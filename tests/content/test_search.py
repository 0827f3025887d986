import unicodedata
from pathlib import Path

import pytest

from tests.factories import write_lesson
from trainer import pipeline
from trainer.content import build as content_build
from trainer.content.catalog import load_catalog
from trainer.content.search import SearchIndex
from trainer.content.search_index import ensure_index

VNEID_BODY = """
Ai cũng cần một tài khoản định danh.

## Mở ứng dụng

Mở VNeID trên điện thoại.

![Một ổ khóa](an-toan/o-khoa.svg)

## Đăng ký tài khoản

Bấm nút đăng ký, nhập số điện thoại chính chủ.

![Một ổ khóa](an-toan/o-khoa.svg)
"""

MENTIONS_VNEID = """
Kẻ gian hay giả làm công an.

## Link giả

Không bấm link lạ gửi qua tin nhắn, dù nó nói về VNeID.

![Một ổ khóa](an-toan/o-khoa.svg)
"""

FACE_BODY = """
Mở đầu.

## Nhìn mặt người gọi

Gọi video thấy mặt chưa chắc là thật.

![Một ổ khóa](an-toan/o-khoa.svg)
"""


def index_of(content: Path, tmp_path: Path) -> SearchIndex:
    catalog, problems = load_catalog(content)
    assert problems == []
    path, _ = ensure_index(tmp_path / "search", catalog.lessons.values())
    return SearchIndex(path)


def lessons_found(index: SearchIndex, query: str) -> list[str]:
    return [hit.slug for group in index.search(query) for hit in group.hits]


@pytest.fixture
def vneid_lessons(content):
    write_lesson(
        content,
        "vi/an-toan/dang-ky-vneid.md",
        slug="dang-ky-vneid",
        title="Đăng ký tài khoản VNeID",
        order=3,
        body=VNEID_BODY,
    )
    write_lesson(
        content,
        "vi/an-toan/link-gia.md",
        slug="link-gia",
        title="Link giả",
        order=4,
        body=MENTIONS_VNEID,
    )
    return content


def test_typing_mat_khau_without_diacritics_finds_the_password_lesson_first(content, tmp_path):
    index = index_of(content, tmp_path)

    found = lessons_found(index, "mat khau")

    assert found[0] == "mat-khau"


def test_typing_dang_ky_vneid_finds_the_registration_lesson_first(vneid_lessons, tmp_path):
    index = index_of(vneid_lessons, tmp_path)

    found = lessons_found(index, "dang ky vneid")

    assert found[0] == "dang-ky-vneid"
    assert "link-gia" in found  # it mentions VNeID, so it is found, but after


def test_words_typed_with_diacritics_rank_the_exact_spelling_first(content, tmp_path):
    write_lesson(
        content, "vi/an-toan/mat-nguoi.md", slug="mat-nguoi", title="Gọi video", body=FACE_BODY
    )
    index = index_of(content, tmp_path)

    with_marks = lessons_found(index, "mặt")
    without_marks = lessons_found(index, "mat")

    assert with_marks[0] == "mat-nguoi"
    assert {"mat-nguoi", "mat-khau"} <= set(without_marks)  # mặt and mật both fold to mat


def test_a_query_in_decomposed_unicode_finds_the_same_lessons(content, tmp_path):
    index = index_of(content, tmp_path)

    decomposed = unicodedata.normalize("NFD", "mật khẩu")

    assert lessons_found(index, decomposed)[0] == "mat-khau"


def test_the_matching_step_is_named_and_its_words_marked(content, tmp_path):
    index = index_of(content, tmp_path)

    hit = index.search("chuyen tien")[0].hits[0]

    assert (hit.slug, hit.step, hit.step_title) == ("lua-dao", 1, "Cuộc gọi lạ")
    assert '<mark class="match t0">chuyển</mark>' in hit.snippet_html


def test_results_are_grouped_by_topic_best_topic_first(vneid_lessons, tmp_path):
    farm = FACE_BODY.replace(
        "Gọi video thấy mặt chưa chắc là thật", "Máy bay phun thuốc có mật khẩu"
    )
    write_lesson(
        vneid_lessons, "vi/nong-nghiep/may-bay.md", slug="may-bay", topic="nong-nghiep", body=farm
    )
    index = index_of(vneid_lessons, tmp_path)

    groups = index.search("mat khau")

    assert [group.topic for group in groups] == ["an-toan", "nong-nghiep"]
    assert [hit.slug for hit in groups[1].hits] == ["may-bay"]


def test_a_translation_is_found_in_its_own_language(content, tmp_path):
    index = index_of(content, tmp_path)

    hit = index.search("password ntev")[0].hits[0]

    assert (hit.slug, hit.language) == ("mat-khau", "hmn")


def test_signs_typed_in_the_box_are_not_query_syntax(content, tmp_path):
    index = index_of(content, tmp_path)

    assert lessons_found(index, "mật* khẩu:")[0] == "mat-khau"
    assert index.search("((") == []
    assert index.search("   ") == []


def test_lesson_text_is_escaped_in_the_snippet(content, tmp_path):
    body = FACE_BODY.replace("Gọi video thấy mặt", "Bạn & người nhà thấy mặt")
    write_lesson(content, "vi/an-toan/mat-nguoi.md", slug="mat-nguoi", title="Gọi", body=body)
    index = index_of(content, tmp_path)

    hit = index.search("mặt")[0].hits[0]

    assert "Bạn &amp; người nhà" in hit.snippet_html


def test_the_index_is_rebuilt_only_when_lessons_change(content, tmp_path):
    catalog, _ = load_catalog(content)
    first, built_first = ensure_index(tmp_path / "search", catalog.lessons.values())
    same, built_again = ensure_index(tmp_path / "search", catalog.lessons.values())
    write_lesson(content, "vi/an-toan/mat-nguoi.md", slug="mat-nguoi", title="Gọi", body=FACE_BODY)
    changed, _ = ensure_index(tmp_path / "search", load_catalog(content)[0].lessons.values())

    assert (built_first, built_again, same) == (True, False, first)
    assert changed != first
    assert first.exists()  # a server started before the change still searches it
    assert "mat-nguoi" in lessons_found(SearchIndex(changed), "goi video")


def test_only_the_index_before_the_newest_is_kept(content, tmp_path):
    first, _ = ensure_index(tmp_path / "search", load_catalog(content)[0].lessons.values())
    write_lesson(content, "vi/an-toan/mat-nguoi.md", slug="mat-nguoi", title="Gọi", body=FACE_BODY)
    second, _ = ensure_index(tmp_path / "search", load_catalog(content)[0].lessons.values())
    write_lesson(content, "vi/an-toan/mat-nguoi.md", slug="mat-nguoi", title="Mặt", body=FACE_BODY)
    third, _ = ensure_index(tmp_path / "search", load_catalog(content)[0].lessons.values())

    assert sorted(path.name for path in (tmp_path / "search").iterdir()) == sorted(
        [second.name, third.name]
    )
    assert not first.exists()


def test_trainer_build_writes_the_search_index(content, tmp_path):
    out = tmp_path / "build"

    report = content_build.build(content, out, pipeline.default_stages())

    assert any(line.startswith("Chỉ mục tìm kiếm 3 bài đã làm") for line in report.lines)
    (folder,) = (out / "search").iterdir()
    assert lessons_found(SearchIndex(folder), "lua dao")[0] == "lua-dao"


def test_words_found_in_a_step_title_are_marked_there_too(content, tmp_path):
    index = index_of(content, tmp_path)

    hit = index.search("cuoc goi la")[0].hits[0]

    assert hit.step_title_html == (
        '<mark class="match t0">Cuộc</mark> <mark class="match t1">gọi</mark> '
        '<mark class="match t2">lạ</mark>'
    )


REPOSITORY = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def shipped_index(tmp_path_factory):
    catalog, _ = load_catalog(REPOSITORY)
    path, _ = ensure_index(tmp_path_factory.mktemp("search"), catalog.lessons.values())
    return SearchIndex(path)


@pytest.mark.parametrize(
    "query, first_topic, first_lesson",
    [
        ("mat khau", "an-toan-so", "mat-khau-an-toan"),
        ("dang ky vneid", "vneid", None),  # a VNeID lesson, not one that says "đăng ký" often
        ("lua dao", "an-toan-so", "nhan-biet-lua-dao"),
        ("ma qr", "cho-so-4t", "nhan-tien-bang-ma-qr"),
    ],
)
def test_shipped_lessons_typed_without_diacritics_come_first(
    shipped_index, query, first_topic, first_lesson
):
    first = shipped_index.search(query)[0]

    assert first.topic == first_topic
    assert first.hits[0].language == "vi"  # the reader's language before a translation
    assert first_lesson in (None, first.hits[0].slug)


def test_in_each_topic_the_readers_language_comes_before_any_translation(shipped_index):
    for reader in ("vi", "blt"):
        groups = shipped_index.search("mat khau", language=reader)

        for group in groups:
            ours = [hit.language == reader for hit in group.hits]
            assert ours == sorted(ours, reverse=True), (reader, group.topic)
        assert groups[0].hits[0].language == reader
