"""Benchmark: a class day at the Nhà văn hóa against `trainer serve` on SQLite.

Run from the repo root with the project's virtualenv:
    .venv/bin/python bench/class_day.py [--workers 2] [--threads 4]
See bench/README.md. Only 127.0.0.1 is contacted; every scenario is bounded in requests
and time. Prints p50/p99, errors (any answer but the expected one, or no answer) and lost
writes (acknowledged but not in the database) per scenario, with a baseline from the same
run: one sign-in alone, and one password check on this machine.

Members' passwords are stored as the server hashes new ones (Argon2id at the configured
cost, OWASP's minimum by default); `--hash-method scrypt` stores Werkzeug's old scrypt
hashes instead, which each member's first sign-in then replaces (one more hash each).
"""

from __future__ import annotations

import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests
import sqlalchemy as sa
from flask import session as flask_session
from flask_login import login_user
from werkzeug.security import generate_password_hash

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from trainer import create_app, database  # noqa: E402
from trainer.extensions import db  # noqa: E402
from trainer.models import QuizAttempt, Team, User  # noqa: E402
from trainer.services.members import passwords, teams  # noqa: E402

PASSWORD = "ca-phe-sang-7-gio"
NEW_PASSWORD = "tra-chieu-5-gio-moi"
TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
TEAM = "Tổ CNSCĐ-Xã Mường Phăng"
TIMEOUT = 120  # seconds any one request may take before it counts as an error


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--sign-ins", type=int, default=150)
    parser.add_argument(
        "--meanwhile", type=int, default=50, help="quiz submits during a second sign-in burst"
    )
    parser.add_argument("--changes", type=int, default=50)
    parser.add_argument("--submits", type=int, default=200)
    parser.add_argument("--imported", type=int, default=200)
    parser.add_argument(
        "--hash-method",
        default="argon2id",
        help="how the seeded members' passwords are stored: argon2id (as the server hashes "
        "new ones, at its configured cost) or a werkzeug method such as scrypt (hashes from "
        "before Argon2id, replaced at each member's first sign-in)",
    )
    return parser.parse_args()


class Result:
    """Latencies and failures of one scenario."""

    def __init__(self, name: str, goal: float | None = None):
        self.name, self.goal = name, goal
        self.sent = 0
        self.times: list[float] = []
        self.errors: list[str] = []
        self.details: list[str] = []
        self.lost = 0
        self.lock = threading.Lock()

    def timed(self, expected: int, send) -> requests.Response | None:
        with self.lock:
            self.sent += 1
        started = time.monotonic()
        try:
            response = send()
        except requests.RequestException as error:
            self.fail(type(error).__name__)
            self.details.append(str(error)[:200])
            return None
        with self.lock:
            self.times.append(time.monotonic() - started)
        if response.status_code != expected:
            self.fail(f"HTTP {response.status_code}")
            return None
        return response

    def fail(self, why: str) -> None:
        with self.lock:
            self.errors.append(why)

    def line(self) -> str:
        times = sorted(self.times) or [0.0]
        p99 = times[min(len(times) - 1, round(0.99 * (len(times) - 1)))]
        goal = f"p99 ≤ {self.goal:g} s" if self.goal else ""
        return (
            f"{self.name:<36}{self.sent:>5}"
            f"{len(self.errors):>8}{self.lost:>6}{statistics.median(times):>9.2f}{p99:>9.2f}"
            f"  {goal}{'  (' + ', '.join(sorted(set(self.errors))) + ')' if self.errors else ''}"
        )


def at_once(target, jobs) -> None:
    """Every job's target(*job) in its own thread, released together."""
    barrier = threading.Barrier(len(jobs))
    threads = [
        threading.Thread(target=lambda job=job: (barrier.wait(), target(*job))) for job in jobs
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def token_of(response: requests.Response) -> str:
    match = TOKEN.search(response.text)
    if not match:
        raise RuntimeError(f"no form on {response.url} (HTTP {response.status_code})")
    return match.group(1)


def seed(app, count: int, method: str) -> list[tuple[int, str]]:
    """A team, an admin and `count` members sharing one password; (id, login) of each."""
    shared = stored_hash(method)
    with app.app_context():
        teams.create_team(db.session, TEAM, "Xã Mường Phăng", "Huyện Điện Biên", "Điện Biên")
        team_id = db.session.scalar(sa.select(Team.id))
        people = [
            User(full_name="Quản Trị", username="quantri", password_hash=shared, role="admin")
        ] + [
            User(
                full_name=f"Thành viên {n}",
                username=f"tv{n}",
                password_hash=shared,
                team_id=team_id,
            )
            for n in range(count)
        ]
        db.session.add_all(people)
        db.session.commit()
        return [(person.id, person.username) for person in people]


def stored_hash(method: str) -> str:
    if method == "argon2id":
        return passwords.hash_password(PASSWORD)
    return generate_password_hash(PASSWORD, method)


def phone() -> requests.Session:
    """One member's browser. Each request opens its own connection, as 150 phones do: a
    kept-alive one the server closed while the member waited would fail the next post."""
    browser = requests.Session()
    browser.headers["Connection"] = "close"
    return browser


def signed_in(app, base: str, user_id: int) -> requests.Session:
    """A browser already signed in as the user (its cookie made here, without a password)."""
    with app.test_request_context():
        login_user(db.session.get(User, user_id))
        value = app.session_interface.get_signing_serializer(app).dumps(dict(flask_session))
    browser = phone()
    browser.cookies.set(app.config["SESSION_COOKIE_NAME"], value, domain="127.0.0.1")
    return browser


def sign_in(base: str, login: str, result: Result, browser=None) -> None:
    browser = browser or phone()
    token = token_of(browser.get(f"{base}/dang-nhap", timeout=TIMEOUT))
    result.timed(
        302,
        lambda: browser.post(
            f"{base}/dang-nhap",
            data={"csrf_token": token, "login": login, "password": PASSWORD},
            allow_redirects=False,
            timeout=TIMEOUT,
        ),
    )


def started_attempt(app, base: str, user_id: int, topic: str) -> tuple:
    """A signed-in member with an open attempt at topic: (browser, form token, address)."""
    browser = signed_in(app, base, user_id)
    token = token_of(browser.get(f"{base}/kiem-tra/{topic}", timeout=TIMEOUT))
    started = browser.post(
        f"{base}/kiem-tra/{topic}",
        data={"csrf_token": token},
        allow_redirects=False,
        timeout=TIMEOUT,
    )
    return browser, token, base + started.headers["Location"]


def submit(browser, token: str, address: str, result: Result, acknowledged: list) -> None:
    """Send the attempt with no box ticked: graded and stored like any other."""
    if result.timed(
        302,
        lambda: browser.post(
            address, data={"csrf_token": token}, allow_redirects=False, timeout=TIMEOUT
        ),
    ):
        acknowledged.append(address.rsplit("/", 1)[1])


def stored_attempts(app, tokens: list[str]) -> int:
    with app.app_context():
        return db.session.scalar(
            sa.select(sa.func.count()).where(
                QuizAttempt.token.in_(tokens), QuizAttempt.submitted_at.is_not(None)
            )
        )


def change_password(app, base, user_id, result, acknowledged) -> None:
    browser = signed_in(app, base, user_id)
    token = token_of(browser.get(f"{base}/cua-toi/mat-khau", timeout=TIMEOUT))
    form = {"current": PASSWORD, "password": NEW_PASSWORD, "password_again": NEW_PASSWORD}
    if result.timed(
        302,
        lambda: browser.post(
            f"{base}/cua-toi/mat-khau",
            data={"csrf_token": token, **form},
            allow_redirects=False,
            timeout=TIMEOUT,
        ),
    ):
        acknowledged.append(user_id)


def lost_passwords(app, user_ids: list[int]) -> int:
    with app.app_context():
        hashes = db.session.scalars(sa.select(User.password_hash).where(User.id.in_(user_ids)))
        return sum(not passwords.matches(stored, NEW_PASSWORD) for stored in hashes)


def import_members(app, base, admin_id, count, result) -> None:
    browser = signed_in(app, base, admin_id)
    token = token_of(browser.get(f"{base}/quan-tri/nhap", timeout=TIMEOUT))
    rows = "".join(f"Người mới {n},moi{n},,{TEAM},\n" for n in range(count))
    data = ("ho_ten,ten_dang_nhap,so_dien_thoai,to,mat_khau\n" + rows).encode()
    response = result.timed(
        200,
        lambda: browser.post(
            f"{base}/quan-tri/nhap",
            data={"csrf_token": token, "kind": "members"},
            files={"file": ("thanh-vien.csv", data, "text/csv")},
            timeout=TIMEOUT * 3,
        ),
    )
    with app.app_context():
        made = db.session.scalar(sa.select(sa.func.count()).where(User.username.like("moi%")))
    if response is not None and made != count:
        result.lost = count - made


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve(instance: Path, port: int, args) -> subprocess.Popen:
    command = [str(Path(sys.executable).with_name("trainer")), "serve", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--workers", str(args.workers)]
    command += ["--threads", str(args.threads)]
    env = {**os.environ, "TRAINER_INSTANCE_PATH": str(instance), "TRAINER_CONTENT_DIR": str(REPO)}
    return subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(instance / "serve.log", "wb"),  # noqa: SIM115 - the server keeps it
        start_new_session=True,
    )


def wait_ready(base: str, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("trainer serve exited; see serve.log in the instance folder")
        try:
            if requests.get(f"{base}/", timeout=2).status_code == 200:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise RuntimeError("trainer serve did not answer within 120 s")


def baseline(base: str, login: str, method: str) -> tuple[float, float]:
    """One sign-in alone (median of 3), and one password check here (median of 5)."""
    alone = Result("alone")
    for _ in range(3):
        sign_in(base, login, alone)
    stored, checks = stored_hash(method), []
    for _ in range(5):
        started = time.monotonic()
        passwords.matches(stored, PASSWORD)
        checks.append(time.monotonic() - started)
    return statistics.median(alone.times), statistics.median(checks)


def run(args, app, base: str, people: list[tuple[int, str]], topic: str) -> list[Result]:
    admin_id, members = people[0][0], people[1:]
    sign_ins, members = members[: args.sign_ins], members[args.sign_ins :]
    second, members = members[: args.sign_ins], members[args.sign_ins :]
    meanwhile, members = members[: args.meanwhile], members[args.meanwhile :]
    changers, members = members[: args.changes], members[args.changes :]
    submitters, members = members[: args.submits], members[args.submits :]
    results = []

    result = Result(f"{args.sign_ins} sign-ins at once", goal=3)
    at_once(lambda login: sign_in(base, login, result), [(login,) for _, login in sign_ins])
    results.append(result)

    prepared = [started_attempt(app, base, user_id, topic) for user_id, _ in meanwhile]
    signs = Result(f"{args.sign_ins} sign-ins at once, again", goal=3)
    submits, done = Result(f"  {args.meanwhile} quiz submits meanwhile", goal=2), []
    jobs = [("sign", login) for _, login in second] + [("submit", *job) for job in prepared]
    at_once(
        lambda kind, *job: (
            sign_in(base, job[0], signs) if kind == "sign" else submit(*job, submits, done)
        ),
        jobs,
    )
    submits.lost = len(done) - stored_attempts(app, done)
    results += [signs, submits]

    result, done = Result(f"{args.changes} password changes at once"), []
    at_once(
        lambda user_id: change_password(app, base, user_id, result, done),
        [(user_id,) for user_id, _ in changers],
    )
    result.lost = lost_passwords(app, done)
    results.append(result)

    prepared = [started_attempt(app, base, user_id, topic) for user_id, _ in submitters]
    result, done = Result(f"{args.submits} quiz submits at once"), []
    at_once(lambda *job: submit(*job, result, done), prepared)
    result.lost = len(done) - stored_attempts(app, done)
    results.append(result)

    results += during_import(args, app, base, admin_id, members, topic)
    return results


def during_import(args, app, base, admin_id, members, topic) -> list[Result]:
    """Import members while others keep signing in and submitting, one every 0.2 s."""
    half = len(members) // 2
    waiting = [started_attempt(app, base, user_id, topic) for user_id, _ in members[:half]]
    signers = [login for _, login in members[half:]]
    imported = Result(f"import {args.imported} members (1 request)")
    signs = Result("  sign-ins while it runs", goal=3)
    submits, done = Result("  quiz submits while it runs", goal=2), []
    importer = threading.Thread(
        target=import_members, args=(app, base, admin_id, args.imported, imported)
    )
    importer.start()
    time.sleep(0.5)  # the import has begun hashing
    threads = []
    while importer.is_alive() and (waiting or signers):
        if waiting:
            job = threading.Thread(target=submit, args=(*waiting.pop(), submits, done))
        else:
            job = threading.Thread(target=sign_in, args=(base, signers.pop(), signs))
        job.start()
        threads.append(job)
        if waiting and signers and len(threads) % 3 == 0:
            extra = threading.Thread(target=sign_in, args=(base, signers.pop(), signs))
            extra.start()
            threads.append(extra)
        time.sleep(0.2)
    for thread in [importer, *threads]:
        thread.join()
    submits.lost = len(done) - stored_attempts(app, done)
    return [imported, signs, submits]


def main() -> int:
    args = parse_args()
    total = 1 + 2 * args.sign_ins + args.meanwhile + args.changes + args.submits + 300
    with tempfile.TemporaryDirectory(prefix="class-day-") as folder:
        instance = Path(folder)
        os.environ["TRAINER_INSTANCE_PATH"] = str(instance)
        os.environ["TRAINER_CONTENT_DIR"] = str(REPO)
        app = create_app()
        database.upgrade(app.config["DATABASE_URL"])
        people = seed(app, total - 1, args.hash_method)
        topic = sorted(app.extensions["catalog"].quizzes)[0]
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = serve(instance, port, args)
        try:
            wait_ready(base, server)
            alone, check = baseline(base, people[-1][1], args.hash_method)
            results = run(args, app, base, people, topic)
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
            log = (instance / "serve.log").read_text(errors="replace").splitlines()
            server_log = [line for line in log if "error" in line.lower() or "TIMEOUT" in line]
    cores = os.cpu_count() or 1
    print(
        f"class day: trainer serve --workers {args.workers} --threads {args.threads}, SQLite; "
        f"members' passwords hashed with {args.hash_method}"
    )
    print(
        f"baseline: one sign-in alone {alone:.2f} s; one password check {check:.2f} s here, so "
        f"{args.sign_ins} checks need ≥ {args.sign_ins * check / cores:.1f} s on {cores} cores"
    )
    print(f"{'scenario':<36}{'n':>5}{'errors':>8}{'lost':>6}{'p50 s':>9}{'p99 s':>9}  goal")
    for result in results:
        print(result.line())
    for detail in sorted({detail for result in results for detail in result.details}):
        print(f"  error: {detail}")
    for line in server_log:
        print(f"  server: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
