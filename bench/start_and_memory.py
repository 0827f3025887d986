"""Benchmark: cold start and memory of `trainer serve`, next to a minimal Flask app.

Run from the repo root with the project's virtualenv:
    .venv/bin/python bench/start_and_memory.py [--rounds 3] [--requests 400]
See bench/README.md. Only 127.0.0.1 is contacted. Exits 0 whatever the figures are.

1. Builds the shipped content once into a temporary instance folder (`trainer build`,
   without voices unless --voices is given; audio does not change start-up).
2. Cold start: time from spawning `trainer serve --workers 2 --threads 4` to the first
   HTTP 200 on `/`, and the same for bench/baseline_app.py under the same gunicorn
   settings (gthread, 2 workers × 4 threads, --preload). Rounds alternate the two.
3. Memory: PSS summed over the gunicorn master and its workers (/proc/<pid>/smaps_rollup),
   idle after the first answer, and after --requests requests spread over reading pages,
   search, a handout, a poster, pictures, sign-in and a signed-in member's pages (the
   member signs in through the form once per round; the baseline gets the same count).
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TRAINER = Path(sys.executable).parent / "trainer"
PAGES = [
    "/",
    "/chu-de/an-toan-so",
    "/bai-hoc/mat-khau-an-toan",
    "/bai-hoc/mat-khau-an-toan?lang=hmn",
    "/bai-hoc/mat-khau-an-toan/nghe",
    "/bai-hoc/mat-khau-an-toan/trinh-chieu",
    "/bai-hoc/mat-khau-an-toan/in",
    "/bai-hoc/mat-khau-an-toan/ap-phich.png",
    "/tim-kiem?q=mat+khau",
    "/tim-kiem?q=otp",
    "/dang-nhap",
    "/dang-ky",
    "/xac-minh",
]
# Asked for with the member's cookies: the account page, a quiz's start page, certificates.
SIGNED_IN = ["/cua-toi", "/kiem-tra/an-toan-so", "/chung-nhan"]
MEMBER, PASSWORD = "thanhvien.bench", "ca-phe-sang-7-gio"
TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, timeout: float = 30, cookie: str = "") -> int:
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def wait_for_200(url: str, process: subprocess.Popen, limit: float) -> float:
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            if get(url, timeout=2) == 200:
                return time.monotonic()
        except OSError:
            pass
        time.sleep(0.01)
    raise RuntimeError(f"no 200 from {url} within {limit} s")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def pss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1])
    return 0


def children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(p) for p in (task / "children").read_text().split()]
    return found


def server_pss_mb(master: int) -> float:
    return sum(pss_kb(pid) for pid in [master, *children(master)]) / 1024


def start_trainer(env: dict, port: int) -> subprocess.Popen:
    command = [str(TRAINER), "serve", "--port", str(port), "--workers", "2", "--threads", "4"]
    return subprocess.Popen(
        command, env=env, cwd=REPO, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def start_baseline(env: dict, port: int) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", "2",
        "--threads", "4", "--worker-class", "gthread", "--preload", "--no-control-socket",
        "bench.baseline_app:create_app()",
    ]  # fmt: skip
    return subprocess.Popen(
        command, env={**env, "BASELINE_COMPRESS": "1"}, cwd=REPO, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip


def signed_in(base: str) -> str:
    """The member signs in through the form; the Cookie header their browser then sends."""
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    with browser.open(f"{base}/dang-nhap", timeout=30) as page:
        token = TOKEN.search(page.read().decode()).group(1)
    form = {"csrf_token": token, "login": MEMBER, "password": PASSWORD}
    with browser.open(f"{base}/dang-nhap", urllib.parse.urlencode(form).encode(), timeout=30):
        pass
    return "; ".join(f"{cookie.name}={cookie.value}" for cookie in jar)


def load(base: str, paths: list[str], count: int, members: bool) -> int:
    """count requests over paths (and the member's pages, when members) from 8 threads;
    returns how many answered 200."""
    cookie = signed_in(base) if members else ""
    asked = [(path, "") for path in paths] + [(path, cookie) for path in SIGNED_IN if members]
    jobs = [asked[n % len(asked)] for n in range(count)]
    with ThreadPoolExecutor(8) as pool:
        return sum(
            status == 200 for status in pool.map(lambda job: get(base + job[0], 30, job[1]), jobs)
        )


def measure(name: str, start, env: dict, paths: list[str], args, members=False) -> dict:
    port = free_port()
    spawned = time.monotonic()
    process = start(env, port)
    try:
        answered = wait_for_200(f"http://127.0.0.1:{port}/", process, args.start_timeout)
        time.sleep(args.settle)
        idle = server_pss_mb(process.pid)
        ok = load(f"http://127.0.0.1:{port}", paths, args.requests, members)
        time.sleep(args.settle)
        loaded = server_pss_mb(process.pid)
    finally:
        stop(process)
    return {"name": name, "start": answered - spawned, "idle": idle, "loaded": loaded, "ok": ok}


def build(env: dict, voices: bool) -> None:
    engines = {"TRAINER_SPEECH_ENGINES": "espeak" if voices else "none"}
    done = subprocess.run(
        [str(TRAINER), "build"], env={**env, **engines}, cwd=REPO, capture_output=True, text=True
    )
    if not (Path(env["TRAINER_INSTANCE_PATH"]) / "build" / "catalog.pickle").is_file():
        sys.exit(f"trainer build failed:\n{done.stdout}\n{done.stderr}")
    member = [str(TRAINER), "create-user", "--role", "member", "--name", "Thành viên thử"]
    member += ["--login", MEMBER, "--password", PASSWORD]
    done = subprocess.run(member, env=env, cwd=REPO, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"trainer create-user failed:\n{done.stdout}\n{done.stderr}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--settle", type=float, default=1.0, help="seconds before reading PSS")
    parser.add_argument("--start-timeout", type=float, default=60)
    parser.add_argument("--voices", action="store_true", help="build audio with espeak-ng too")
    args = parser.parse_args()
    instance = Path(tempfile.mkdtemp(prefix="trainer-bench-"))
    env = {**os.environ, "TRAINER_INSTANCE_PATH": str(instance), "TRAINER_CONTENT_DIR": str(REPO)}
    try:
        build(env, args.voices)
        runs = []
        for _ in range(args.rounds):
            runs.append(measure("trainer serve", start_trainer, env, PAGES, args, members=True))
            runs.append(measure("minimal Flask app", start_baseline, env, ["/"], args))
    finally:
        shutil.rmtree(instance, ignore_errors=True)
    report(runs, args)


def report(runs: list[dict], args) -> None:
    print(f"{'server':<20}{'cold start s':>14}{'PSS idle MB':>14}{'PSS loaded MB':>15}{'200s':>7}")
    median = {}
    for name in ("trainer serve", "minimal Flask app"):
        mine = [run for run in runs if run["name"] == name]
        median[name] = {key: statistics.median(run[key] for run in mine) for key in mine[0]
                        if key != "name"}  # fmt: skip
        m = median[name]
        print(f"{name:<20}{m['start']:>14.2f}{m['idle']:>14.1f}{m['loaded']:>15.1f}"
              f"{int(m['ok']):>7}/{args.requests}")  # fmt: skip
    real, base = median["trainer serve"], median["minimal Flask app"]
    print(f"\nmedian of {args.rounds} round(s); load average {os.getloadavg()[0]:.2f}")
    print(f"cold start: {real['start'] / base['start']:.1f}x the minimal app (goal <= 3x, <= 1 s)")
    print(f"memory idle: {real['idle'] / base['idle']:.1f}x, after load: "
          f"{real['loaded'] / base['loaded']:.1f}x the minimal app (goal <= 2x)")  # fmt: skip


if __name__ == "__main__":
    main()
