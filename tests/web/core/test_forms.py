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


def test_a_json_list_sent_to_a_form_is_refused_not_a_server_error(make_app, content):
    app = make_app(content, WTF_CSRF_ENABLED=False, PROPAGATE_EXCEPTIONS=False)

    response = app.test_client().post("/dang-nhap", json=[1, 2, 3])

    assert response.status_code < 500
