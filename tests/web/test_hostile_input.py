"""No request of any shape gets a 500: every route, sent malformed values by every method.

The walk goes over `app.url_map`, so a new route is walked as soon as it exists: each
argument gets long, NUL, invalid UTF-8 and percent-encoding, CR/LF and huge-number values;
each route gets hostile query strings, forms, JSON where a form is expected, deeply nested
JSON and methods it does not take. A form is sent every field name the page itself shows
(read from its HTML, so a new form field is walked as soon as it exists) besides the common
ones. Signed out (anti-forgery checks on), as an admin who also teaches the team, and as a
certified member, who keeps a visit log (checks off, so the forms reach the views).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
import sqlalchemy as sa
from flask import got_request_exception

from tests.factories import PASSWORD, make_team, make_user
from tests.forms import Login
from tests.web.certify import start_attempt, take_quiz
from trainer.models import Certificate
from trainer.services.field import villages

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
FIELD_NAME = re.compile(r'<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"')


@pytest.fixture
def known(app, session):
    """Real values for each route argument, so the hostile one is the only thing wrong:
    the member's certificate, and an attempt the admin has open."""
    team = make_team(session)
    village = villages.add_village(session, team.id, "Bản Che Căn")
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
        # pages whose forms show only for a chosen team (the rule's own address first)
        "pages": {
            "/quan-tri/chi-tieu/": [f"/quan-tri/chi-tieu/?to={team.id}&nam=2026"],
        },
        "village_id": str(village.id),
    }


def paths(rule: str, known: dict) -> list[str]:
    """The rule with real values, then with each argument in turn made hostile."""
    names = ARGUMENT.findall(rule)

    def fill(hostile_name: str | None, value: str = "") -> str:
        return ARGUMENT.sub(
            lambda m: value if m.group(1) == hostile_name else known.get(m.group(1), "x"), rule
        )

    return [fill(None)] + [fill(name, value) for name in names for value in HOSTILE]


class PostForms(HTMLParser):
    """The page's POST forms: (action, {field: its value on the page}, hidden field names)."""

    def __init__(self):
        super().__init__()
        self.forms: list[tuple[str, dict[str, str], set[str]]] = []

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "form":
            post = attrs.get("method", "get").lower() == "post"
            self.forms.append((attrs.get("action", ""), {}, set()) if post else ("", {}, {"-"}))
        elif tag in ("input", "select", "textarea", "button") and self.forms and attrs.get("name"):
            _, values, hidden = self.forms[-1]
            values.setdefault(attrs["name"], attrs.get("value", ""))
            if attrs.get("type") == "hidden":
                hidden.add(attrs["name"])


def forms_on(client, path: str) -> list[tuple[str, dict[str, str], set[str]]]:
    """The POST forms the page at path shows this client (GET forms left out)."""
    response = client.get(path)
    reader = PostForms()
    if response.mimetype == "text/html":
        reader.feed(response.get_data(as_text=True))
    response.close()
    return [(action or path, values, hidden) for action, values, hidden in reader.forms
            if "-" not in hidden]  # fmt: skip


def form_requests(client, path: str, seen: set | None = None) -> list[tuple[str, str, dict]]:
    """(method, address, keywords): each POST form on the page, sent to its own action with
    every field it shows made hostile in turn by each value (hidden fields keep theirs,
    so the form reaches the code that reads the typed ones). A form with nothing to type
    (signing out, say) is left alone, and one already in seen is not sent again."""
    sent = []
    seen = set() if seen is None else seen
    for action, values, hidden in forms_on(client, path):
        typed = [name for name in values if name not in hidden]
        if not typed or (action, *sorted(values)) in seen:
            continue
        seen.add((action, *sorted(values)))
        for value in HOSTILE_TEXT:
            data = {**values, **dict.fromkeys(typed, value)}
            sent.append(("POST", action, {"data": data}))
    return sent


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


def sends(client, rule, known, seen: set):
    """Every request the walk makes for the rule: (method, address, test-client keywords)."""
    real, *hostile = paths(rule.rule, known)
    for method, keywords in requests_for(rule, hostile_path=False):
        yield method, real, keywords
    for path in hostile:
        for method, keywords in requests_for(rule, hostile_path=True):
            yield method, path, keywords
    if "GET" in rule.methods:
        for page in [real, *known["pages"].get(rule.rule, [])]:
            yield from form_requests(client, page, seen)


def walk(app, client, known, again=None, only=lambda rule: True) -> list[str]:
    """Every request that got a 5xx, with the error behind it; again() after each route
    (signing back in, say, once "Đăng xuất" has been walked); only the rules only() keeps."""
    failures, raised = [], []
    got_request_exception.connect(
        lambda sender, exception: raised.append(exception), app, weak=False
    )
    seen: set = set()  # the forms walked already (the header's are on every page)
    for rule in sorted(filter(only, app.url_map.iter_rules()), key=lambda rule: rule.rule):
        for method, path, keywords in sends(client, rule, known, seen):
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


def test_no_form_answers_a_certified_member_with_a_server_error(make_app, content, known, built):
    app = make_app(content, BUILD_DIR=built, WTF_CSRF_ENABLED=False, PROPAGATE_EXCEPTIONS=False)
    client = app.test_client()

    def signed_in() -> None:
        if client.get("/cua-toi/nhat-ky").status_code != 200:
            client.post("/dang-nhap", data={"login": "lan", "password": PASSWORD})
            assert client.get("/cua-toi/nhat-ky").status_code == 200

    signed_in()

    def own(rule) -> bool:  # the member's own pages and every form; the rest is walked above
        return rule.rule.startswith("/cua-toi") or "POST" in rule.methods

    assert "\n".join(walk(app, client, known, again=signed_in, only=own)) == ""


def test_the_walk_fills_the_forms_a_page_really_has(make_app, content, known, built):
    app = make_app(content, BUILD_DIR=built, WTF_CSRF_ENABLED=False)
    member, admin = app.test_client(), app.test_client()
    member.post("/dang-nhap", data={"login": "lan", "password": PASSWORD})
    admin.post("/dang-nhap", data={"login": "quantri", "password": PASSWORD})

    log = form_requests(member, "/cua-toi/nhat-ky")
    targets = form_requests(admin, known["pages"]["/quan-tri/chi-tieu/"][0])

    assert {"thon", "so_nguoi", "so_ho"} <= set(log[0][2]["data"]) and log[0][
        1
    ] == "/cua-toi/nhat-ky"
    assert any(name.startswith("t-") for name in targets[0][2]["data"])
    assert all("to=" in address for _, address, _ in targets)
    assert any("9" * 5000 in keywords["data"].values() for _, _, keywords in targets)
