"""Minimal Flask app used as the benchmark baseline (see serve_pages.py).

It answers every GET path with one static HTML page built once at start-up:
  BASELINE_SIZE          body size in bytes (default 20000)
  BASELINE_CONTENT_TYPE  Content-Type header (default "text/html; charset=utf-8")
  BASELINE_COMPRESS      "1" to wrap the app in flask_compress.Compress, as the real app does

The body is pseudo-HTML made of Vietnamese words (70 % common words, 30 % random
syllables), so that gzip shrinks it about as much as a real lesson page (~2.6x) instead of
to almost nothing, as it would a run of one repeated byte.
"""

import os
import random

from flask import Flask, Response

TEXT = (
    "bài học mật khẩu an toàn điện thoại tài khoản ngân hàng mã OTP không chia sẻ "
    "người dân cán bộ tổ công nghệ số cộng đồng hướng dẫn bước tiếp theo bấm vào nút "
    "đăng nhập VNeID căn cước chợ số nông sản bán hàng trực tuyến lừa đảo cảnh giác"
)
WORDS = TEXT.split()
SYLLABLE_PARTS = (
    "b c ch d đ g h k kh l m n ng nh ph qu r s t th tr v x",
    "a à á ả ạ ă ắ ặ â ầ ấ ậ e è é ê ề ế ệ i ì í ị o ó ọ ô ồ ố ộ ơ ờ ớ ợ u ù ú ụ ư ừ ứ ự y ý",
    "_ _ n ng c t m nh i u",  # "_": no final consonant
)
ONSETS, VOWELS, CODAS = (part.replace("_", "").split(" ") for part in SYLLABLE_PARTS)


def random_word(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return rng.choice(ONSETS) + rng.choice(VOWELS) + rng.choice(CODAS)
    return rng.choice(WORDS)


def build_page(size: int) -> bytes:
    """Return exactly `size` bytes of UTF-8 HTML (plain ASCII padding at the end)."""
    rng = random.Random(0)
    head = (
        b"<!doctype html><html lang=vi><head><meta charset=utf-8>"
        b"<title>Baseline</title></head><body><main>\n"
    )
    tail = b"</main></body></html>\n"
    parts, used = [head], len(head) + len(tail)
    while True:
        para = (
            "<p>" + " ".join(random_word(rng) for _ in range(rng.randint(12, 40))) + ".</p>\n"
        ).encode()
        if used + len(para) > size:
            break
        parts.append(para)
        used += len(para)
    parts.append(b" " * max(0, size - used))
    parts.append(tail)
    return b"".join(parts)[:size]  # truncation only matters for tiny sizes


def create_app() -> Flask:
    app = Flask(__name__)
    body = build_page(int(os.environ.get("BASELINE_SIZE", "20000")))
    content_type = os.environ.get("BASELINE_CONTENT_TYPE", "text/html; charset=utf-8")

    @app.get("/", defaults={"path": ""})
    @app.get("/<path:path>")
    def page(path: str) -> Response:
        return Response(body, content_type=content_type)

    if os.environ.get("BASELINE_COMPRESS") == "1":
        from flask_compress import Compress

        Compress(app)
    return app


if __name__ == "__main__":
    create_app().run(port=5001)
