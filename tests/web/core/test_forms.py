"""Every form reads only what a browser's form sends, never a JSON body."""

from __future__ import annotations

import re
from pathlib import Path

import trainer.web

WEB = Path(trainer.web.__file__).parent
SHARED = WEB / "core" / "forms.py"


def test_every_form_of_the_site_is_a_page_form():
    direct = [
        f"{path.relative_to(WEB)}:{number}"
        for path in sorted(WEB.rglob("*.py"))
        if path != SHARED
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\bFlaskForm\b", line)
    ]

    assert direct == []  # use trainer.web.core.forms.PageForm

