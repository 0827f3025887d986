"""One lesson's video made for real and checked as a phone would get it: ffprobe, frames
at each step's middle against the step's picture, and the captions file."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image, ImageChops, ImageStat

from tests.speech.video.conftest import probe
from trainer.speech import manifest
from trainer.speech.stage import AUDIO
from trainer.speech.video import maker
from trainer.speech.video.captions import webvtt
from trainer.speech.video.plan import END_SECONDS, PAUSE
from trainer.speech.video.stills import PAPER, layout, rasterise

BUDGET = 1.5 * 1000 * 1000  # bytes per minute of video


@pytest.fixture(scope="module")
def video(plan, tmp_path_factory) -> Path:
    return maker.make(plan, tmp_path_factory.mktemp("made"))


def frame_at(path: Path, seconds: float) -> Image.Image:
    done = subprocess.run(
        ["ffmpeg", "-v", "error", "-ss", f"{seconds:.2f}", "-i", str(path), "-frames:v", "1",
         "-f", "image2pipe", "-vcodec", "png", "-"],
        capture_output=True, check=True,
    )  # fmt: skip
    return Image.open(io.BytesIO(done.stdout)).convert("RGB")


def distance(one: Image.Image, other: Image.Image) -> float:
    """Mean difference per pixel and channel, 0 (same) to 255."""
    return sum(ImageStat.Stat(ImageChops.difference(one, other)).mean) / 3


def reference(scene) -> tuple[tuple[int, int, int, int], Image.Image]:
    """The step's picture rendered on its own, as large as the video's picture box."""
    x, y, width, height = layout(scene).picture
    box = Image.new("RGB", (width, height), PAPER)
    picture = rasterise(scene.picture, width, height)
    box.paste(picture, ((width - picture.width) // 2, (height - picture.height) // 2))
    return (x, y, x + width, y + height), box


def expected_seconds(built, plan) -> list[float]:
    """Each part's narration plus its pause, from the audio manifest, in order."""
    _, out, _ = built
    audio = manifest.load(out / AUDIO)
    return [
        audio.clip(plan.slug, plan.language, number).seconds + PAUSE
        for number in range(plan.steps + 1)
    ]


def cues(text: str) -> list[tuple[float, float, str]]:
    found = []
    for block in text.split("\n\n")[1:]:
        lines = block.strip().splitlines()
        if not lines:
            continue
        start, end = re.match(r"([\d:.]+) --> ([\d:.]+)", lines[1]).groups()
        found.append((seconds(start), seconds(end), " ".join(lines[2:])))
    return found


def seconds(stamp: str) -> float:
    hours, minutes, rest = stamp.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(rest)


def test_the_video_is_h264_and_aac_in_portrait_720_by_1280(video):
    streams = {stream["codec_type"]: stream for stream in probe(video)["streams"]}

    assert streams["video"]["codec_name"] == "h264"
    assert (streams["video"]["width"], streams["video"]["height"]) == (720, 1280)
    assert streams["video"]["pix_fmt"] == "yuv420p"  # what every phone decodes
    assert streams["audio"]["codec_name"] == "aac"
    assert probe(video)["format"]["format_name"].startswith("mov,mp4")


def test_it_lasts_the_narration_of_every_part_plus_the_cards(video, built, plan):
    expected = sum(expected_seconds(built, plan)) + END_SECONDS

    duration = float(probe(video)["format"]["duration"])

    assert abs(duration - expected) <= 0.05 * expected


def test_it_stays_within_one_and_a_half_megabytes_a_minute(video):
    duration = float(probe(video)["format"]["duration"])

    assert video.stat().st_size <= BUDGET * duration / 60


def test_it_names_the_lesson_and_who_reads_it(video):
    tags = probe(video)["format"]["tags"]

    assert tags["title"] == "Mật khẩu an toàn"
    assert tags["artist"] == "Giọng máy"


def test_the_frame_at_each_steps_middle_shows_that_steps_picture(video, plan):
    steps = [scene for scene in plan.scenes if scene.picture is not None]
    frames = [frame_at(video, scene.middle) for scene in steps]
    references = [reference(scene) for scene in steps]

    for number, frame in enumerate(frames):
        own_box, own = references[number]
        assert distance(frame.crop(own_box), own) < 4
        for other, (box, picture) in enumerate(references):
            if other != number:
                assert distance(frame.crop(box), picture) > 3 * distance(frame.crop(own_box), own)
    assert distance(frames[0], frames[1]) > 10


def test_the_captions_cover_each_step_in_order_with_its_words(plan, built):
    parts = expected_seconds(built, plan)
    lesson = built[2].lesson("mat-khau", "vi")
    found = cues(webvtt(plan.captions))

    start = parts[0]  # after the title card
    for step, length in zip(lesson.steps, parts[1:], strict=True):
        inside = [cue for cue in found if start - 0.01 <= cue[0] < start + length - 0.01]
        words = " ".join([step.text, *(box.text for box in step.boxes)])
        assert inside[0][0] == pytest.approx(start, abs=0.01)
        assert inside[-1][1] == pytest.approx(start + length, abs=0.01)
        ends, starts = [cue[1] for cue in inside[:-1]], [cue[0] for cue in inside[1:]]
        assert ends == pytest.approx(starts)  # no gap, no overlap
        shown = " ".join(cue[2] for cue in inside)
        assert shown.replace("Mẹo: ", "").replace("Cẩn thận: ", "") == " ".join(words.split())
        start += length


def test_the_end_card_shows_a_qr_code_that_opens_the_lesson(video, plan):
    end = plan.scenes[-1]

    frame = frame_at(video, end.middle)

    assert [found.text for found in zxingcpp.read_barcodes(frame)] == [plan.address]
