"""The app starts from what `trainer build` made, and writes nothing into it."""

from __future__ import annotations

from pathlib import Path

from trainer import pipeline
from trainer.content.build import build


def tree(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(path.relative_to(folder)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
    }


def built_app(make_app, content: Path, tmp_path: Path):
    out = tmp_path / "instance" / "build"
    build(content, out, pipeline.default_stages())
    return make_app(content), out


def test_create_app_on_a_built_folder_writes_nothing_into_it(make_app, content, tmp_path):
    out = tmp_path / "instance" / "build"
    build(content, out, pipeline.default_stages())
    before = tree(out)

    make_app(content)

    assert tree(out) == before
    assert any(name.startswith("media/") for name in before)


def test_serving_from_a_built_folder_writes_nothing_into_it(make_app, content, tmp_path):
    app, out = built_app(make_app, content, tmp_path)
    before = tree(out)
    client = app.test_client()

    lesson = client.get("/bai-hoc/mat-khau").get_data(as_text=True)
    found = client.get("/tim-kiem?q=mat+khau").get_data(as_text=True)
    picture = app.extensions["catalog"].pictures["an-toan/o-khoa.svg"].name

    assert "Mật khẩu an toàn" in lesson and "Mật khẩu an toàn" in found
    assert client.get(f"/media/{picture}").status_code == 200
    assert tree(out) == before
    assert not (tmp_path / "instance" / "unbuilt").exists()


def test_a_server_started_before_any_build_makes_pictures_outside_the_build_folder(
    make_app, content, tmp_path
):
    app = make_app(content)
    picture = app.extensions["catalog"].pictures["an-toan/ban-tay.png"]

    response = app.test_client().get(f"/media/{picture.name}")

    assert response.status_code == 200
    assert response.mimetype == "image/webp"
    assert (tmp_path / "instance" / "unbuilt" / "media" / picture.name).is_file()
    assert not (tmp_path / "instance" / "build").exists()


def test_a_server_started_before_any_build_says_to_run_it(make_app, content, caplog):
    caplog.set_level("INFO", logger="trainer.content")

    make_app(content)

    assert "Run `trainer build`" in caplog.text


def test_a_lesson_edited_after_the_build_is_served_as_it_is_now(make_app, content, tmp_path):
    build(content, tmp_path / "instance" / "build", pipeline.default_stages())
    path = next((content / "lessons/vi").rglob("mat-khau*.md"))
    path.write_text(path.read_text().replace("Mật khẩu an toàn", "Mật khẩu thật an toàn"))

    app = make_app(content)

    assert "Mật khẩu thật an toàn" in app.test_client().get("/bai-hoc/mat-khau").get_data(
        as_text=True
    )
