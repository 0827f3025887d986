from pathlib import Path

from PIL import Image

from trainer.content.catalog import load_catalog
from trainer.content.media import build_picture, svg_problems
from trainer.content.model import Problem


def test_a_photo_becomes_webp_at_two_widths(content, tmp_path):
    out = tmp_path / "media"

    catalog, _ = load_catalog(content, out)

    picture = catalog.pictures["an-toan/ban-tay.png"]
    assert [width for _, width in picture.srcset] == [480, 960]
    for name, width in picture.srcset:
        with Image.open(out / name) as image:
            assert (image.format, image.width) == ("WEBP", width)
    assert (picture.width, picture.height) == (480, 360)


def test_a_photo_narrower_than_the_small_width_is_never_enlarged(tmp_path):
    source = tmp_path / "nho.png"
    Image.new("RGB", (300, 200), "white").save(source)

    picture, problems = build_picture(source, Path("media/nho.png"), tmp_path / "out")

    assert problems == []
    assert [width for _, width in picture.srcset] == [300]


def test_built_pictures_are_named_by_content_and_not_rebuilt(content, tmp_path):
    out = tmp_path / "media"
    catalog, _ = load_catalog(content, out)
    name = catalog.pictures["an-toan/ban-tay.png"].name
    built_at = (out / name).stat().st_mtime_ns

    again, _ = load_catalog(content, out)

    assert again.pictures["an-toan/ban-tay.png"].name == name
    assert (out / name).stat().st_mtime_ns == built_at


def test_changing_a_photo_changes_its_name(content, tmp_path):
    out = tmp_path / "media"
    before, _ = load_catalog(content, out)
    Image.new("RGB", (800, 600), "red").save(content / "media/an-toan/ban-tay.png")

    after, _ = load_catalog(content, out)

    assert after.pictures["an-toan/ban-tay.png"].name != before.pictures["an-toan/ban-tay.png"].name


def test_a_file_that_is_not_a_picture_is_refused(tmp_path):
    source = tmp_path / "gia.png"
    source.write_bytes(b"not a png at all")

    picture, problems = build_picture(source, Path("media/gia.png"), tmp_path / "out")

    assert picture is None
    assert problems[0].message.startswith("cannot open this picture")


def test_an_svg_that_links_outside_is_refused():
    data = b'<svg xmlns="http://www.w3.org/2000/svg"><image href="https://x.example/a.png"/></svg>'

    assert svg_problems(data, Path("a.svg")) == [
        Problem(Path("a.svg"), 1, "SVG must not link to other files; draw it inside")
    ]


def test_an_svg_with_an_event_handler_is_refused():
    data = b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'

    assert svg_problems(data, Path("a.svg")) == [
        Problem(Path("a.svg"), 1, "SVG must not have event handlers (onload)")
    ]


def test_svg_size_comes_from_its_view_box(content, tmp_path):
    catalog, _ = load_catalog(content, tmp_path / "media")

    picture = catalog.pictures["an-toan/o-khoa.svg"]

    assert (picture.width, picture.height, picture.srcset) == (400, 300, ())
