"""What a video shows and when, and when it is made again: decided before any drawing."""

from __future__ import annotations

import dataclasses
import time

from trainer.speech import manifest
from trainer.speech.manifest import Track
from trainer.speech.video import maker
from trainer.speech.video.captions import CAPTION_SIZE, CAPTION_WIDTH, font, wrap
from trainer.speech.video.plan import END, TITLE, Unvoiced, plan_video


def replan(built, plan, *, tracks=None, address="http://192.168.1.10:5000/bai-hoc/mat-khau"):
    content, out, catalog = built
    lesson = catalog.lesson(plan.slug, plan.language)
    return plan_video(
        lesson,
        catalog.topic(lesson.topic).title("vi"),
        tracks if tracks is not None else [track_of(built, n) for n in range(plan.steps + 1)],
        lambda track: out / "audio" / track.file,
        content / "media",
        address,
    )


def track_of(built, number: int) -> Track:
    return manifest.load(built[1] / "audio").clip("mat-khau", "vi", number)


def test_a_language_whose_steps_are_not_all_voiced_gets_no_video(plans):
    unvoiced = plans[("mat-khau", "hmn")]

    assert unvoiced == Unvoiced(missing=3, parts=3)


def test_a_video_opens_with_the_title_and_ends_with_the_lessons_address(plan):
    assert plan.scenes[0].number == TITLE
    assert [scene.number for scene in plan.scenes[1:-1]] == [1, 2]
    assert plan.scenes[-1].number == END
    assert plan.address == "http://192.168.1.10:5000/bai-hoc/mat-khau"


def test_a_recording_replacing_the_machine_voice_makes_a_new_video(built, plan):
    tracks = [track_of(built, n) for n in range(plan.steps + 1)]
    recorded = Track("a1b2c3d4e5f6a7b8c9d0.m4a", "recorded", 4.2, 40_000, reader="Lò Thị Mai")

    again = replan(built, plan, tracks=tracks)
    changed = replan(built, plan, tracks=[tracks[0], recorded, tracks[2]])

    assert again.name == plan.name  # the same content: the same file
    assert changed.name != plan.name
    assert changed.who == "Giọng đọc: Lò Thị Mai và giọng máy"
    assert changed.scenes[1].seconds == round(4.2 + 0.8, 3)


def test_another_address_for_the_end_card_is_another_video(built, plan):
    elsewhere = replan(built, plan, address="https://hoc.example.vn/bai-hoc/mat-khau")

    assert elsewhere.name != plan.name
    assert elsewhere.prefix != plan.prefix


def test_captions_break_only_between_words_and_fit_the_width(plan):
    face = font(CAPTION_SIZE)

    for caption in plan.captions:
        assert all(face.getlength(line) <= CAPTION_WIDTH for line in caption.lines)
        assert len(caption.lines) <= 3
    text = "Ghép bốn từ dễ nhớ thành một câu dài, rồi thêm một chữ số và một ký hiệu."
    assert " ".join(wrap(text, face, CAPTION_WIDTH)) == text


def test_a_video_is_made_once_for_the_same_content(plan, tmp_path):
    first = maker.make(plan, tmp_path)
    made_at = first.stat().st_mtime_ns

    start = time.perf_counter()
    second = maker.make(plan, tmp_path)

    assert second == first
    assert second.stat().st_mtime_ns == made_at
    assert time.perf_counter() - start < 0.5  # found, not made again


def test_a_new_video_replaces_the_old_one_of_the_same_lesson_and_address(built, plan, tmp_path):
    maker.make(plan, tmp_path)
    tracks = [track_of(built, n) for n in range(plan.steps + 1)]
    shorter = dataclasses.replace(tracks[2], seconds=tracks[2].seconds - 0.5)
    changed = replan(built, plan, tracks=[*tracks[:2], shorter])

    maker.make(changed, tmp_path)

    assert sorted(path.name for path in tmp_path.glob("*.mp4")) == [changed.name]
