"""Telling a choice that refuses or defers ("Không đọc mã", "Tắt máy", "Hỏi cán bộ trước")
from one that goes along: the habit a test-wise guesser of safety banks relies on."""

from __future__ import annotations

import re
import unicodedata

# Words that start or carry a refusal, a stop, or a hand-over to someone who knows.
MARKERS = (
    "không",
    "đừng",
    "chưa",
    "tắt máy",
    "từ chối",
    "dừng",
    "chờ",
    "hỏi lại",
    "hỏi cán bộ",
    "hỏi ý",
    "gọi lại",
    "báo công an",
    "báo ngay",
    "đến tận",
    "ra quầy",
    "tự mở",
    "tự nhập",
    "tự gõ",
    "tự bấm",
    "kiểm tra lại",
    "xóa",
    "chặn",
    "khóa",
    "bỏ qua",
    "thôi",
)
_PATTERN = re.compile(r"(?<!\w)(" + "|".join(re.escape(m) for m in MARKERS) + r")(?!\w)")


def refuses(text: str) -> bool:
    """True when the choice refuses, stops or defers rather than goes along."""
    return bool(_PATTERN.search(unicodedata.normalize("NFC", text).lower()))
