"""The many-machines set-up on one machine: `trainer serve` processes, Debian's nginx, a visitor.

A visitor is a plain HTTP client with cookies that can speak from any loopback address
(127.0.0.2, 127.0.0.3, …), so nginx sees different people although everything runs here.
"""

from __future__ import annotations

import getpass
import http.client
import os
import re
import shutil
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from tests.forms import token_from

REPOSITORY = Path(__file__).resolve().parent.parent
SITE_FILE = REPOSITORY / "deploy" / "nginx-trainer.conf"
NGINX = "/usr/sbin/nginx"
TRAINER = str(Path(sys.executable).with_name("trainer"))


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    upstream: str  # which app server nginx chose, from the test's own X-Upstream header

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


@dataclass
class Visitor:
    """One person's browser, minus the browser: cookies, forms, their own address."""

    port: int
    source: str = "127.0.0.1"
    cookies: dict[str, str] = field(default_factory=dict)
    last: Answer | None = None

    def get(self, path: str) -> Answer:
        return self._send("GET", path)

    def get_on(self, upstream: str, path: str) -> Answer:
        """GET path from that app server: nginx takes turns, so ask again if needed."""
        for _ in range(4):
            if self.get(path).upstream == upstream:
                return self.last
        raise AssertionError(f"nginx never sent {path} to {upstream}")

    def post(self, path: str, fields: dict, page: str | None = None) -> Answer:
        """POST a form with the anti-forgery token from page (path by default)."""
        token = token_from(self.get(page or path).text)
        body = urlencode({"csrf_token": token, **fields}, doseq=True).encode()
        return self._send("POST", path, body, "application/x-www-form-urlencoded")

    def post_on(self, upstream: str, path: str, fields: dict, page: str | None = None) -> Answer:
        """POST so that nginx hands it to upstream: it takes turns, so ask for the page until
        the server that answered it was the other one."""
        for _ in range(4):
            token = token_from(self.get(page or path).text)
            if self.last.upstream != upstream:
                break
        body = urlencode({"csrf_token": token, **fields}, doseq=True).encode()
        return self._send("POST", path, body, "application/x-www-form-urlencoded")

    def upload(self, path: str, page: str, name: str, filename: str, data: bytes) -> Answer:
        """POST one file as multipart/form-data, as the recordings page's form does."""
        token = token_from(self.get(page).text)
        boundary = uuid.uuid4().hex
        body = (
            (
                f'--{boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n'
                f"{token}\r\n--{boundary}\r\n"
                f'Content-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                "Content-Type: application/octet-stream\r\n\r\n"
            ).encode()
            + data
            + f"\r\n--{boundary}--\r\n".encode()
        )
        return self._send("POST", path, body, f"multipart/form-data; boundary={boundary}")

    def json_post(self, path: str, body: bytes, token: str) -> Answer:
        headers = {"X-CSRFToken": token}
        return self._send("POST", path, body, "application/json", headers)

    def _send(self, method, path, body=None, content_type=None, extra=None) -> Answer:
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=60, source_address=(self.source, 0)
        )
        headers = {"Host": f"127.0.0.1:{self.port}", **(extra or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if content_type:
            headers["Content-Type"] = content_type
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
        finally:
            connection.close()
        for value in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        self.last = Answer(
            response.status, dict(response.headers), data, response.headers.get("X-Upstream", "")
        )
        return self.last


@dataclass
class Server:
    """One app machine: its own instance folder and content checkout, its own log."""

    name: str
    port: int
    env: dict[str, str]
    log: Path
    process: subprocess.Popen | None = None

    def run(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
        return subprocess.run(
            [TRAINER, *args], env=self.env, capture_output=True, text=True, timeout=timeout
        )

    def start(self) -> None:
        out = self.log.open("ab")
        self.process = subprocess.Popen(
            [TRAINER, "serve", "--host", "127.0.0.1", "--port", str(self.port), "--workers", "2"],
            env=self.env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        out.close()

    def access_lines(self, path: str) -> list[str]:
        """The access-log lines for requests to path (the first field is the client)."""
        return [line for line in self.log.read_text().splitlines() if f" {path} HTTP" in line]

    def stop(self) -> None:
        stop(self.process)


def clients_logged(servers: list[Server], request: str, expected: set[str], within=10.0) -> set:
    """The clients the servers' access logs show for request ("POST /dang-nhap"), waiting
    for expected ones: gunicorn writes a line just after it has sent the answer."""
    deadline = time.monotonic() + within
    while True:
        method, path = request.split(" ", 1)
        lines = [line for server in servers for line in server.access_lines(path)]
        found = {line.split(" ", 1)[0] for line in lines if f'"{method} ' in line}
        if found >= expected or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


def server_env(instance: Path, content: Path, database_url: str, public_port: int) -> dict:
    """What README's "More than one machine" exports on each app machine."""
    return {
        **os.environ,
        "TRAINER_INSTANCE_PATH": str(instance),
        "TRAINER_CONTENT_DIR": str(content),
        "TRAINER_DATABASE_URL": database_url,
        "TRAINER_SECRET_KEY": "the-same-long-random-key-on-every-machine",
        "TRAINER_PROXY_COUNT": "1",
        "TRAINER_TRUSTED_HOSTS": "127.0.0.1",
        "TRAINER_PUBLIC_BASE_URL": f"http://127.0.0.1:{public_port}",
        "TRAINER_SPEECH_ENGINES": "espeak",
    }


def wait_until_answering(port: int, process: subprocess.Popen, log: Path, limit=120.0) -> float:
    """Seconds until the server at port answers a page; fails with its log if it dies."""
    started = time.monotonic()
    while time.monotonic() - started < limit:
        if process.poll() is not None:
            raise AssertionError(f"server on {port} stopped:\n{log.read_text()[-3000:]}")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", "/robots.txt", headers={"Host": "127.0.0.1"})
            if connection.getresponse().status < 500:
                return time.monotonic() - started
        except OSError:
            pass
        finally:
            connection.close()
        time.sleep(0.1)
    raise AssertionError(
        f"server on {port} did not answer in {limit} s:\n{log.read_text()[-3000:]}"
    )


def site_file_for(listen: int, upstreams: list[int]) -> str:
    """deploy/nginx-trainer.conf with its CHANGE lines set for this machine, nothing else."""
    text = SITE_FILE.read_text()
    servers = iter(upstreams)
    text = re.sub(
        r"server 10\.0\.0\.\d+:8000;", lambda _: f"server 127.0.0.1:{next(servers)};", text
    )
    text = text.replace("listen 80;", f"listen 127.0.0.1:{listen};")
    return text.replace("server_name hoc.example.vn;", "server_name 127.0.0.1;")


def start_nginx(root: Path, listen: int, upstreams: list[int]) -> subprocess.Popen:
    """Debian's nginx in the foreground, with its own prefix, config and logs under root."""
    for folder in ("logs", "temp"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "trainer.conf").write_text(site_file_for(listen, upstreams))
    user = f"user {getpass.getuser()};\n" if os.geteuid() == 0 else ""
    (root / "nginx.conf").write_text(
        f"""{user}worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/logs/error.log;
events {{ worker_connections 256; }}
http {{
    access_log {root}/logs/access.log;
    client_body_temp_path {root}/temp/body;
    proxy_temp_path {root}/temp/proxy;
    fastcgi_temp_path {root}/temp/fastcgi;
    uwsgi_temp_path {root}/temp/uwsgi;
    scgi_temp_path {root}/temp/scgi;
    # For the test only: which app server answered.
    add_header X-Upstream $upstream_addr always;
    include {root}/trainer.conf;
}}
"""
    )
    with (root / "logs" / "stderr.log").open("wb") as errors:
        return subprocess.Popen(
            [NGINX, "-p", str(root), "-c", str(root / "nginx.conf"), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=errors,
            start_new_session=True,
        )


def stop(process: subprocess.Popen | None) -> None:
    """End a process this test started (and its children), waiting for it."""
    if process is None or process.poll() is not None:
        return
    os.killpg(process.pid, 15)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, 9)
        process.wait()


def nginx_missing() -> str | None:
    if not Path(NGINX).exists():
        return "nginx is not installed (make test installs Debian's nginx)"
    if shutil.which("gunicorn", path=str(Path(sys.executable).parent)) is None:
        return "gunicorn is missing from the virtual environment"
    return None
