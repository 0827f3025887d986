"""FFmpeg makes the video: the stills held for their seconds, each part's clip padded to
its scene, H.264 and AAC in an MP4 that starts playing before it is all downloaded.

No frame is made in Python: FFmpeg repeats each still (concat demuxer, `fps` filter) and
joins the clips (`apad`, `atrim`, `concat`), whatever voice or format each clip is in
(espeak-ng's or Google's MP3, a phone's M4A, Ogg or WAV).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from PIL import Image

from trainer.speech.loudspeaker import ALBUM, LANGUAGES
from trainer.speech.video.plan import VideoPlan

FPS = 5  # stills change a few times a step: 5 frames a second is plenty, and quick to make
CRF = 30  # H.264 quality: words stay sharp, a minute stays well under 1.5 MB
AUDIO_RATE, AUDIO_BITRATE = 44100, "48k"  # mono AAC: clear speech, about 360 KB a minute
TIMEOUT = 600  # seconds; a lesson takes a few


class FfmpegMissing(RuntimeError):
    """FFmpeg is not installed: `make run` installs Debian's package."""


class EncodeFailed(RuntimeError):
    pass


def ffmpeg() -> str:
    """The ffmpeg program; FfmpegMissing when it is not installed."""
    found = shutil.which("ffmpeg")
    if found is None:
        raise FfmpegMissing("ffmpeg is not installed (Debian: apt-get install ffmpeg)")
    return found


def encode(plan: VideoPlan, stills: list[tuple[Image.Image, float]], work: Path, out: Path) -> None:
    """Write the video to out, using work (an empty folder) for the stills."""
    program = ffmpeg()
    listing = ["ffconcat version 1.0"]
    for number, (image, seconds) in enumerate(stills):
        name = f"still-{number:03}.png"
        image.save(work / name, compress_level=1)
        listing += [f"file '{name}'", f"duration {seconds:.3f}"]
    listing.append(listing[-2])  # the concat demuxer holds the last still only if repeated
    (work / "stills.txt").write_text("\n".join(listing) + "\n", encoding="utf-8")
    voiced = [scene for scene in plan.scenes if scene.audio is not None]
    command = [program, "-hide_banner", "-loglevel", "error", "-nostdin", "-y"]
    command += ["-f", "concat", "-safe", "0", "-i", str(work / "stills.txt")]
    for scene in voiced:
        command += ["-i", str(scene.audio)]
    command += ["-filter_complex", _filters(plan, voiced), "-map", "[v]", "-map", "[a]"]
    command += _codecs(plan) + _tags(plan) + ["-t", f"{plan.seconds:.3f}", str(out)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired as error:
        raise EncodeFailed(f"ffmpeg took longer than {TIMEOUT} s") from error
    if done.returncode != 0 or not out.is_file():
        raise EncodeFailed(done.stderr.strip()[-2000:] or f"ffmpeg exited {done.returncode}")


def _filters(plan: VideoPlan, voiced) -> str:
    audio = []
    for number, scene in enumerate(voiced, 1):
        audio.append(
            f"[{number}:a]aresample={AUDIO_RATE},aformat=channel_layouts=mono,"
            f"apad=whole_dur={scene.seconds:.3f},atrim=duration={scene.seconds:.3f},"
            f"asetpts=N/SR/TB[a{number}]"
        )
    joined = "".join(f"[a{number}]" for number in range(1, len(voiced) + 1))
    audio.append(f"{joined}concat=n={len(voiced)}:v=0:a=1,apad=whole_dur={plan.seconds:.3f}[a]")
    return ";".join([f"[0:v]fps={FPS},format=yuv420p[v]", *audio])


def _codecs(plan: VideoPlan) -> list[str]:
    # A key frame where each scene starts, so a phone seeks straight to a step.
    keys = ",".join(f"{scene.start:.3f}" for scene in plan.scenes)
    return [
        "-c:v", "libx264", "-preset", "faster", "-tune", "stillimage", "-crf", str(CRF),
        "-profile:v", "main", "-pix_fmt", "yuv420p", "-g", str(FPS * 10),
        "-force_key_frames", keys,
        "-c:a", "aac", "-b:a", AUDIO_BITRATE, "-ac", "1", "-ar", str(AUDIO_RATE),
        "-movflags", "+faststart",
    ]  # fmt: skip


def _tags(plan: VideoPlan) -> list[str]:
    language = LANGUAGES.get(plan.language, plan.language)
    return [
        "-metadata", f"title={plan.title}",
        "-metadata", f"artist={plan.who}",
        "-metadata", f"album={ALBUM}",
        "-metadata", f"comment={plan.detail}",
        "-metadata:s:a:0", f"language={language}",
    ]  # fmt: skip
