import pytest

from tests.factories import copy_content
from trainer.content.catalog import load_catalog
from trainer.services.reading.topic_pack import Links, topic_pack
from trainer.speech.manifest import Manifest, Track


@pytest.fixture
def built(tmp_path):
    media = tmp_path / "media"
    catalog, problems = load_catalog(copy_content(tmp_path / "content"), media)
    assert problems == []
    return catalog, media


def links(pages: dict[str, bytes] | None = None, media=None) -> Links:
    bodies = pages or {}

    def picture_size(name):
        return (media / name).stat().st_size if media and (media / name).is_file() else None

    return Links(
        topic=lambda slug: f"/chu-de/{slug}",
        lesson=lambda slug: f"/bai-hoc/{slug}",
        guide=lambda slug: f"/so-tay/{slug}",
        media=lambda name: f"/media/{name}",
        audio=lambda name: f"/am-thanh/{name}",
        page=lambda url: bodies.get(url, b"<html>" + url.encode() + b"</html>"),
        picture_size=picture_size,
    )


def voiced() -> Manifest:
    """Audio for every part of mat-khau: normal 1000 bytes, slow 1200; lua-dao unvoiced."""
    manifest = Manifest()
    for number in range(3):
        manifest.clips[f"mat-khau/vi/{number}"] = {
            "normal": Track(f"n{number}.mp3", "espeak", 2.0, 1000),
            "slow": Track(f"s{number}.mp3", "espeak", 2.5, 1200, 0.8),
        }
    return manifest


def pack_of(catalog, media, guide=False, **kwargs):
    topic = catalog.topic("an-toan")
    return topic_pack(
        topic,
        catalog.lessons_in("an-toan"),
        catalog.pictures,
        kwargs.get("audio", voiced()),
        kwargs.get("links", links(media=media)),
        guide=guide,
    )


def test_a_pack_lists_pages_pictures_and_audio_with_their_sizes(built):
    catalog, media = built

    pack = pack_of(catalog, media)

    kinds = {}
    for entry in pack.files:
        kinds.setdefault(entry.kind, []).append(entry.url)
    assert kinds["page"] == ["/chu-de/an-toan", "/bai-hoc/mat-khau", "/bai-hoc/lua-dao"]
    assert len(kinds["audio"]) == 3 and len(kinds["slow-audio"]) == 3
    pictures = {entry.url: entry.size for entry in pack.files if entry.kind == "picture"}
    assert all(
        size == (media / url.removeprefix("/media/")).stat().st_size
        for url, size in pictures.items()
    )
    assert pack.size(slow=True) - pack.size() == 3 * 1200


def test_a_photo_comes_in_its_smallest_width_standing_in_for_the_larger(built):
    catalog, media = built
    photo = catalog.pictures["an-toan/ban-tay.png"]

    pack = pack_of(catalog, media)

    small, large = (f"/media/{name}" for name, _ in photo.srcset)
    assert small in {entry.url for entry in pack.files}
    assert large not in {entry.url for entry in pack.files}
    assert pack.alternates == {large: small}


def test_the_field_guide_comes_only_for_a_certified_member(built):
    catalog, media = built

    without, with_guide = pack_of(catalog, media), pack_of(catalog, media, guide=True)

    assert "/so-tay/an-toan" not in {entry.url for entry in without.files}
    assert "/so-tay/an-toan" in {entry.url for entry in with_guide.files}


def test_the_version_changes_when_a_page_changes_and_only_then(built):
    catalog, media = built
    first = pack_of(catalog, media)

    same = pack_of(catalog, media)
    changed = pack_of(catalog, media, links=links({"/bai-hoc/lua-dao": b"<html>new</html>"}, media))

    assert same.version == first.version != changed.version


def test_the_json_says_both_sizes_and_every_file(built):
    catalog, media = built

    data = pack_of(catalog, media).as_json()

    assert data["size"] == sum(f["size"] for f in data["files"] if f["kind"] != "slow-audio")
    assert data["size_with_slow"] > data["size"]
    assert set(data["files"][0]) == {"url", "size", "kind", "hash"}


def test_slow_audio_left_behind_has_the_normal_speed_as_its_stand_in(built):
    catalog, media = built

    pack = pack_of(catalog, media)

    assert pack.slow_alternates == {f"/am-thanh/s{n}.mp3": f"/am-thanh/n{n}.mp3" for n in range(3)}


def test_pages_a_member_needs_anywhere_come_along(built):
    catalog, media = built
    topic = catalog.topic("an-toan")

    plain = topic_pack(topic, [], {}, Manifest(), links(), guide=False)
    pack = topic_pack(
        topic, [], {}, Manifest(), links(), guide=False, extra_pages=("/cua-toi/nhat-ky",)
    )

    assert [entry.url for entry in pack.files] == ["/chu-de/an-toan", "/cua-toi/nhat-ky"]
    assert pack.version == plain.version  # it changes with each visit logged: never versioned
