"""No request of any shape gets a 500: every route, sent malformed values by every method.

The walk goes over `app.url_map`, so a new route is walked as soon as it exists: each
argument gets long, NUL, invalid UTF-8 and percent-encoding, CR/LF and huge-number values;
each route gets hostile query strings, forms, JSON where a form is expected, deeply nested
JSON and methods it does not take. Signed out (anti-forgery checks on) and as an admin who
also teaches the team (checks off, so the forms reach the views).
"""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from flask import got_request_exception

from tests.factories import PASSWORD, make_team, make_user
from tests.forms import Login
from tests.web.certify import start_attempt, take_quiz
from trainer.models import Certificate

HOSTILE = ["x" * 3000, "%00", "a%00b", "%ff%fe", "%zz", "a%0d%0aSet-Cookie:x=1", "9" * 25, "²"]
HOSTILE_TEXT = [
    "x" * 5000,
    "\x00",
    "a\r\nSet-Cookie: x=1",
    "9" * 5000,
    "²",
    "-1",
    "%ff",
    "/\t/evil",
]
QUERIES = [
    "next=%0d%0aLocation:%20http://evil.example",
    "tiep=%2F%09%2Fevil.example&chu=to",
    "q=" + "x" * 3000,
    "quy=0-Q1",
    "quy=99999-Q4",
    "to=99999999999999999999",
    "lang=%ff&at=%00&q=%ff%fe",
]
QUERY = "&".join(QUERIES)
FIELDS = [
    "login", "password", "password_again", "full_name", "current", "team", "join_code",
    "kind", "encoding", "role", "instructor", "active", "code", "reason", "ten", "dia_chi",
    "next", "tiep", "step", "language", "otp-ai-hoi", "mat-khau-tot", "thu-tu-xu-ly.0",
]  # fmt: skip
JSON_BODIES = [
    {"json": {"login": ["a"], "password": {"x": 1}, "at": "1", "blank": [1], "step": None}},
    {"json": "a string"},
    {"json": [1, 2, 3]},
    {"data": "[" * 20000 + "]" * 20000, "content_type": "application/json"},
    {
        "data": b"login=%ff%fe&password=\xff\xfe",
        "content_type": "application/x-www-form-urlencoded",
    },
]
ARGUMENT = re.compile(r"<(?:[^:<>]+:)?([^<>]+)>")


@pytest.fixture
def known(app, session):
    """Real values for each route argument, so the hostile one is the only thing wrong:
    the member's certificate, and an attempt the admin has open."""
    team = make_team(session)
    member = make_user(session, "Lò Thị Lan", "lan", team=team)
    admin = make_user(session, "Quản Trị", "quantri", role="admin", manages=[team])
    member_client, admin_client = app.test_client(), app.test_client()
    Login(member_client)(member)
    take_quiz(member_client, session)
    Login(admin_client)(admin)
    attempt = start_attempt(admin_client, session)
    return {
        "slug": "mat-khau",
        "topic": "an-toan",
        "token": attempt.token,
        "code": session.scalar(sa.select(Certificate.code)),
        "team_id": str(team.id),
        "user_id": str(member.id),
        "number": "1",
        "language": "vi",
        "kind": "csv",
        "name": "site.css",
        "version": "x",
        "choice": "duyet",
    }


def paths(rule: str, known: dict) -> list[str]:
    """The rule with real values, then with each argument in turn made hostile."""
    names = ARGUMENT.findall(rule)

    def fill(hostile_name: str | None, value: str = "") -> str:
        return ARGUMENT.sub(
            lambda m: value if m.group(1) == hostile_name else known.get(m.group(1), "x"), rule
        )

    return [fill(None)] + [fill(name, value) for name in names for value in HOSTILE]


def requests_for(rule, hostile_path: bool) -> list[tuple[str, dict]]:
    """(method, test-client keywords) to send to one path of the rule: every hostile
    query, form and body to its real path; a plain GET, POST and PUT to a hostile path."""
    if hostile_path:
        return [("GET", {}), ("POST", {"data": {"login": "x"}}), ("PUT", {})]
    sent = [("GET", {"query_string": query}) for query in [QUERY, *QUERIES]] + [("PUT", {})]
    if "POST" not in rule.methods:
        return [*sent, ("POST", {"data": {"login": "x"}})]
    for value in HOSTILE_TEXT:
        sent.append(("POST", {"data": dict.fromkeys(FIELDS, value), "query_string": QUERY}))
    return sent + [("POST", body) for body in JSON_BODIES]


def walk(app, client, known, again=None) -> list[str]:
    """Every request that got a 5xx, with the error behind it; again() after each route
    (signing back in, say, once "Đăng xuất" has been walked)."""
    failures, raised = [], []
    got_request_exception.connect(
        lambda sender, exception: raised.append(exception), app, weak=False
    )
    for rule in sorted(app.url_map.iter_rules(), key=lambda rule: rule.rule):
        for number, path in enumerate(paths(rule.rule, known)):
            for method, keywords in requests_for(rule, hostile_path=number > 0):
                raised.clear()
                response = client.open(path, method=method, **keywords)
                if response.status_code >= 500:
                    why = repr(raised[-1])[:120] if raised else ""
                    failures.append(f"{method} {path[:60]} -> {response.status_code} {why}")
                response.close()
        if again:
            again()
    return failures


@pytest.fixture
def built(tmp_path):
    """A build folder with its media folder, as on a server after `trainer build`."""
    (tmp_path / "built" / "media").mkdir(parents=True)
    return str(tmp_path / "built")


def test_no_route_answers_a_visitor_with_a_server_error(make_app, content, known, built):
    app = make_app(content, BUILD_DIR=built, PROPAGATE_EXCEPTIONS=False)

    assert "\n".join(walk(app, app.test_client(), known)) == ""


def test_no_route_answers_a_signed_in_admin_with_a_server_error(make_app, content, known, built):
    app = make_app(content, BUILD_DIR=built, WTF_CSRF_ENABLED=False, PROPAGATE_EXCEPTIONS=False)
    client = app.test_client()

    def signed_in() -> None:
        if client.get("/quan-tri/tai-khoan").status_code != 200:
            client.post("/dang-nhap", data={"login": "quantri", "password": PASSWORD})
            assert client.get("/quan-tri/tai-khoan").status_code == 200

    signed_in()
    assert "\n".join(walk(app, client, known, again=signed_in)) == ""
