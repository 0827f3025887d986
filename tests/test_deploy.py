"""README's "More than one machine", run on this one: PostgreSQL, two servers, nginx in front.

Each server has its own instance folder and content checkout, as two machines would; they
share only the database and the secret key. Everything a visitor does goes through nginx,
which takes turns between the servers; the test's nginx says which one answered, so each
scenario can make sure its two halves ran on different servers. Timings are printed.
"""

from __future__ import annotations

import io
import json
import re
import threading
import time
import wave

import pytest

from tests.deployment import (
    Server,
    Visitor,
    clients_logged,
    nginx_missing,
    server_env,
    start_nginx,
    stop,
    wait_until_answering,
)
from tests.factories import copy_content
from tests.migrations import newest_migration
from tests.postgresql import cluster, free_port
from trainer import database
from trainer.speech.uploads import sniff

pytestmark = pytest.mark.deployment
PASSWORD = "mot-mat-khau-that-dai"
ADDRESS_CEILING = 6  # wrong passwords from one address before it is held back


class Site:
    def __init__(self, nginx_port: int, servers: list[Server], database_url: str, say):
        self.port, self.servers, self.database_url, self.say = (
            nginx_port,
            servers,
            database_url,
            say,
        )
        self.started: dict[str, float] = {}

    def visitor(self, source: str) -> Visitor:
        return Visitor(self.port, source)

    def upstream(self, server: Server) -> str:
        return f"127.0.0.1:{server.port}"


@pytest.fixture(scope="module")
def site(tmp_path_factory, request):
    if reason := nginx_missing():
        pytest.skip(reason)
    plugins = request.config.pluginmanager
    reporter, capture = plugins.getplugin("terminalreporter"), plugins.getplugin("capturemanager")

    def say(line: str) -> None:
        with capture.global_and_fixture_disabled():
            reporter.write_line(f"[multi-server] {line}")

    root = tmp_path_factory.mktemp("deploy")
    clock = time.monotonic()
    with cluster() as postgres:
        url = postgres.create_database("trainer")
        say(f"PostgreSQL cluster and database: {time.monotonic() - clock:.2f} s")
        nginx_port = free_port()
        servers = [
            Server(name, free_port(), {}, root / name / "serve.log") for name in ("may-1", "may-2")
        ]
        for server in servers:
            content = copy_content(root / server.name / "content")
            server.env = server_env(root / server.name / "instance", content, url, nginx_port)
            # a low ceiling on wrong passwords from one address, so the limit test is short
            server.env["TRAINER_LOGIN_ADDRESS_MAX_FAILURES"] = str(ADDRESS_CEILING)
        site = Site(nginx_port, servers, url, say)
        try:
            _build(servers, say)
            _start_together(site)
            clock = time.monotonic()
            nginx = start_nginx(root / "nginx", nginx_port, [s.port for s in servers])
            try:
                wait_until_answering(nginx_port, nginx, root / "nginx" / "logs" / "error.log")
                say(f"nginx answering: {time.monotonic() - clock:.2f} s")
                yield site
            finally:
                stop(nginx)
        finally:
            for server in servers:
                server.stop()


def _build(servers: list[Server], say) -> None:
    clock = time.monotonic()
    results = {}

    def build(server: Server) -> None:
        results[server.name] = server.run("build")

    threads = [threading.Thread(target=build, args=(server,)) for server in servers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for name, result in results.items():
        assert result.returncode == 0, f"{name}: {result.stderr[-2000:]}"
    say(f"`trainer build` on both machines at once: {time.monotonic() - clock:.2f} s")


def _start_together(site: Site) -> None:
    """Both servers at the same moment, on a database no migration has touched yet."""
    clock = time.monotonic()
    for server in site.servers:
        server.start()
    for server in site.servers:
        wait_until_answering(server.port, server.process, server.log)
        site.started[server.name] = seconds = time.monotonic() - clock
        site.say(f"{server.name}, started with the other: answering after {seconds:.2f} s")


def _timed(site: Site, what: str):
    started = time.monotonic()

    class Done:
        def __enter__(self):
            return self

        def __exit__(self, *failed):
            site.say(f"{what}: {time.monotonic() - started:.2f} s")

    return Done()


def test_two_servers_started_at_the_same_moment_on_a_fresh_database_both_come_up(site):
    assert sorted(site.started) == ["may-1", "may-2"]
    assert database.current_revision(site.database_url) == newest_migration()
    for server in site.servers:
        assert server.process.poll() is None


def test_a_member_signs_in_on_one_server_and_submits_on_the_other(site):
    first = site.servers[0]
    made = first.run(
        "create-user", "--role", "member", "--name", "Lò Thị Lan", "--login", "lan.lo",
        "--password", PASSWORD,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    member = site.visitor("127.0.0.4")

    with _timed(site, "sign in, start, answer and submit a quiz through nginx"):
        signed_in = member.post("/dang-nhap", {"login": "lan.lo", "password": PASSWORD})
        started = member.post("/kiem-tra/an-toan", {})
        attempt = started.headers["Location"]
        page = member.get(attempt)
        submitted = member.post_on(
            _other(site, signed_in.upstream), attempt, _first_choices(page.text), page=attempt
        )
        result = member.get(submitted.headers["Location"])

    assert signed_in.status == 302 and started.status == 302
    assert submitted.status == 302 and submitted.upstream != signed_in.upstream
    assert re.search(r"<strong>\d+/\d+</strong> câu đúng", result.text)


def test_the_sign_in_limit_counts_the_visitor_behind_nginx_not_nginx(site):
    tries = ADDRESS_CEILING
    guesser, neighbour = site.visitor("127.0.0.2"), site.visitor("127.0.0.3")
    made = site.servers[1].run(
        "create-user", "--role", "member", "--name", "Hà Văn Tú", "--login", "tu.ha",
        "--password", PASSWORD,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr

    with _timed(site, f"{tries} wrong passwords from one address through nginx"):
        for number in range(tries):
            guesser.post("/dang-nhap", {"login": f"khong-co-{number}", "password": "sai"})
    stopped = guesser.post("/dang-nhap", {"login": "tu.ha", "password": PASSWORD})
    welcomed = neighbour.post("/dang-nhap", {"login": "tu.ha", "password": PASSWORD})

    assert stopped.status == 429
    assert welcomed.status == 302
    clients = clients_logged(site.servers, "POST /dang-nhap", {"127.0.0.2", "127.0.0.3"})
    assert clients >= {"127.0.0.2", "127.0.0.3"} and "127.0.0.1" not in clients


def test_a_voice_recorded_through_one_server_is_played_through_the_other(site):
    made = site.servers[0].run(
        "create-user", "--role", "instructor", "--name", "Hà Thị Mai", "--login", "mai.ha",
        "--password", PASSWORD,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    instructor = site.visitor("127.0.0.5")
    instructor.post("/dang-nhap", {"login": "mai.ha", "password": PASSWORD})

    page = "/giong-doc/mat-khau/hmn"
    sent = instructor.upload(f"{page}/1", page, "tep", "giong.wav", _wav(1.5))
    other = _other(site, sent.upstream)
    with _timed(site, "until the other server plays the recording"):
        played = _first_speaker(instructor, other, "/bai-hoc/mat-khau?lang=hmn", within=20)
    audio = instructor.get_on(other, played)
    at_upload = instructor.get_on(sent.upstream, played)

    assert sent.status == 303
    assert audio.status == 200 and audio.headers["Content-Type"] == "audio/mpeg"
    assert sniff(audio.body) == ".mp3" and audio.body == at_upload.body


def test_a_presenter_on_one_server_drives_the_projector_on_the_other(site):
    laptop, phone = site.visitor("127.0.0.6"), site.visitor("127.0.0.7")
    projector = laptop.get("/bai-hoc/mat-khau/trinh-chieu")
    code = "".join(re.search(r'class="code">(\d{3}) (\d{3})<', projector.text).groups())
    position = re.search(r'name="slide-position" content="([^"]+)"', projector.text).group(1)
    other = _other(site, projector.upstream)

    with _timed(site, "a phone joins by the code and moves the slide"):
        joined = phone.post_on(other, "/trinh-chieu", {"ma": code})
        notes = phone.get_on(other, joined.headers["Location"])
        token = re.search(r'name="csrf-token" content="([^"]+)"', notes.text).group(1)
        moved = phone.json_post(position, b'{"at": 2, "blank": true}', token)
        seen = laptop.get_on(projector.upstream, position)

    assert joined.status == 303 and joined.upstream == other
    assert moved.status == 200
    assert seen.upstream != joined.upstream
    assert json.loads(seen.body) == {
        "at": 2,
        "blank": True,
        "seq": 1,
        "presenters": 1,
        "joinable": False,
    }  # the code was used up when the phone joined


def _first_speaker(visitor: Visitor, upstream: str, path: str, within: float) -> str:
    """The first speaker button's audio on path as upstream serves it, once it has one."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        found = re.search(r'class="speak" href="([^"]+)"', visitor.get_on(upstream, path).text)
        if found:
            return found.group(1)
        time.sleep(0.5)
    raise AssertionError(f"{upstream} never played the recording on {path}")


def _wav(seconds: float, rate: int = 16000) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(2 * int(rate * seconds)))
    return buffer.getvalue()


def _other(site: Site, upstream: str) -> str:
    return next(site.upstream(s) for s in site.servers if site.upstream(s) != upstream)


def _first_choices(page: str) -> dict:
    """The quiz form answered with each item's first box (and order items as shown)."""
    fields: dict = {}
    for name, value in re.findall(r'type="(?:radio|checkbox)" name="([^"]+)" value="(\d+)"', page):
        fields.setdefault(name, value)
    for name in re.findall(r'<select id="[^"]+" name="([^"]+\.(\d+))"', page):
        fields[name[0]] = str(int(name[1]) + 1)
    return fields
