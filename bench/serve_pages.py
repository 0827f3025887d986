"""Benchmark: serve trainer pages under gunicorn and compare with a minimal Flask baseline.

Run from the repo root with the project's virtualenv:
    .venv/bin/python bench/serve_pages.py [--seconds 10] [--lesson mat-khau-an-toan]
See bench/README.md. Only 127.0.0.1 is contacted. Exits 0 whatever the figures are,
non-zero only if a server or wrk cannot be started.
"""

import argparse
import gzip
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASELINE_SPEC = "bench.baseline_app:create_app()"
GOAL = 0.70


class BenchError(Exception):
    pass


def parse_args():
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument(
        "--app", default="trainer:create_app()", help="gunicorn app spec of the real app"
    )
    p.add_argument(
        "--lesson",
        default="mat-khau-an-toan",
        help="lesson slug (found from the home page if it 404s)",
    )
    p.add_argument("--seconds", type=int, default=10, help="wrk duration per URL")
    p.add_argument("--connections", type=int, default=50)
    p.add_argument("--wrk-threads", type=int, default=2)
    p.add_argument("--workers", type=int, default=2, help="gunicorn workers (both apps)")
    p.add_argument("--threads", type=int, default=4, help="gunicorn threads per worker (both apps)")
    p.add_argument("--worker-class", default="gthread", help="gunicorn worker class (both apps)")
    p.add_argument(
        "--start-timeout", type=float, default=60, help="max seconds for a server to answer 200"
    )
    return p.parse_args()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ensure_wrk():
    if shutil.which("wrk"):
        return shutil.which("wrk")
    if os.geteuid() == 0:
        print("wrk not found; running apt-get install -y wrk ...", file=sys.stderr)
        subprocess.run(["apt-get", "install", "-y", "wrk"], stdout=subprocess.DEVNULL, timeout=300)
    if not shutil.which("wrk"):
        raise BenchError("wrk is not installed: run `apt-get install -y wrk` (as root) and retry")
    return shutil.which("wrk")


def fetch(url, timeout=5.0):
    """GET with Accept-Encoding: gzip; return (status, headers, raw body, decoded body)."""
    req = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            status, headers, raw = r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        status, headers, raw = e.code, e.headers, e.read()
    gzipped = headers.get("Content-Encoding", "") == "gzip"
    return status, headers, raw, gzip.decompress(raw) if gzipped else raw


class Server:
    """One gunicorn master (in its own process group) plus its workers."""

    def __init__(self, name, spec, args, env_extra=None):
        self.name, self.port = name, free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        options = (
            f"--bind 127.0.0.1:{self.port} --workers {args.workers} --threads {args.threads}"
            f" --worker-class {args.worker_class} --log-level warning"
        )
        fd, self.log_path = tempfile.mkstemp(prefix=f"bench-{name}-", suffix=".log")
        self.started = time.monotonic()
        with os.fdopen(fd, "wb") as log:  # the child keeps its own copy of the descriptor
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "gunicorn", spec, *options.split()],
                cwd=REPO,
                env={**os.environ, **(env_extra or {})},
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # own process group: master + workers, killed together
            )

    def wait_ready(self, timeout):
        """Poll / until HTTP 200; return seconds since spawn (the cold-start time)."""
        deadline, last = self.started + timeout, "no answer"
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise BenchError(
                    f"{self.name} server exited with {self.proc.returncode}:\n{self.log_tail()}"
                )
            try:
                status = fetch(self.base + "/", timeout=2)[0]
                if status == 200:
                    return time.monotonic() - self.started
                last = f"last answer HTTP {status}"
            except (OSError, urllib.error.URLError):
                pass
            time.sleep(0.02)
        raise BenchError(
            f"{self.name} server gave no 200 on / in {timeout:.0f}s ({last}):\n{self.log_tail()}"
        )

    def log_tail(self, lines=30):
        with open(self.log_path, errors="replace") as f:
            return "".join(f.readlines()[-lines:])

    def rss_mb(self):
        """Sum of VmRSS over the master and all its descendants, from /proc."""
        children = {}
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{pid}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(pid))
            except (OSError, IndexError, ValueError):
                continue
        total_kb, todo = 0, [self.proc.pid]
        while todo:
            pid = todo.pop()
            todo.extend(children.get(pid, []))
            try:
                with open(f"/proc/{pid}/status") as f:
                    rss = [line.split()[1] for line in f if line.startswith("VmRSS:")]
                total_kb += int(rss[0]) if rss else 0  # kernel threads have no VmRSS
            except OSError:
                pass
        return total_kb / 1024

    def stop(self):
        """SIGTERM the process group (master + workers), SIGKILL whatever is left after 10 s."""
        for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 5)):
            try:
                os.killpg(self.proc.pid, sig)
                self.proc.wait(timeout=wait)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                pass
        os.unlink(self.log_path)


def find_lesson_url(base, slug):
    """Use /bai-hoc/<slug> if it answers 200, else the first lesson linked from a topic page."""
    if fetch(f"{base}/bai-hoc/{slug}")[0] == 200:
        return f"{base}/bai-hoc/{slug}"
    home = fetch(base + "/")[3].decode("utf-8", "replace")
    for topic in dict.fromkeys(re.findall(r'href="(/chu-de/[^"#?]+)"', home)):
        page = fetch(base + topic)[3].decode("utf-8", "replace")
        for lesson in re.findall(r'href="(/bai-hoc/[^"#?]+)"', page):
            if fetch(base + lesson)[0] == 200:
                print(f"note: /bai-hoc/{slug} did not answer 200; using {lesson}", file=sys.stderr)
                return base + lesson
    raise BenchError(
        f"no lesson page answers 200 (tried /bai-hoc/{slug} and links from the home page)"
    )


def to_ms(value):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def run_wrk(wrk, url, args):
    cmd = [wrk, "--latency", "--timeout", "5s", "-H", "Accept-Encoding: gzip", url]
    cmd += f"-t {args.wrk_threads} -c {args.connections} -d {args.seconds}s".split()
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=args.seconds + 60).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    p50, p99 = re.search(r"^\s+50%\s+(\S+)", out, re.M), re.search(r"^\s+99%\s+(\S+)", out, re.M)
    if not (rps and p50 and p99):
        raise BenchError(f"could not parse wrk output for {url}:\n{out}")
    errors = re.findall(r"(Non-2xx or 3xx responses: \d+|Socket errors: .*)", out)
    return {
        "rps": float(rps.group(1)),
        "p50": to_ms(p50.group(1)),
        "p99": to_ms(p99.group(1)),
        "errors": errors,
    }


def measure(wrk, label, url, args, sizes):
    """Record the on-the-wire size of one response, then load the URL with wrk."""
    sizes[label] = len(fetch(url)[2])
    print(f"loading {label} for {args.seconds}s ...", file=sys.stderr)
    return run_wrk(wrk, url, args)


def print_report(rows, ratio, rss, cold, sizes):
    print(f"\n{'URL':<44} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'bytes sent':>11}")
    for label, r in rows:
        print(f"{label:<44} {r['rps']:>9.1f} {r['p50']:>8.2f} {r['p99']:>8.2f} {sizes[label]:>11}")
        for err in r["errors"]:
            print(f"    ! {err}")
    print(f"\nlesson / baseline ratio (req/s): {ratio:.2f} (goal ≥ {GOAL:.2f})")
    print(f"real server RSS after load (master + workers): {rss:.1f} MB")
    print(f"real server cold start (spawn → first 200 on /): {cold:.2f} s")


def main():
    args = parse_args()
    servers = []
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(130))  # run the finally: block on kill
    try:
        wrk = ensure_wrk()
        real = Server("real", args.app, args)
        servers.append(real)
        cold = real.wait_ready(args.start_timeout)
        lesson_url = find_lesson_url(real.base, args.lesson)
        _, headers, raw, body = fetch(lesson_url)
        compressed = headers.get("Content-Encoding", "") == "gzip"
        print(
            f"lesson page: {len(body)} bytes, Content-Type {headers.get('Content-Type')!r}, "
            f"gzip: {'yes, ' + str(len(raw)) + ' bytes on the wire' if compressed else 'no'}",
            file=sys.stderr,
        )

        baseline = Server(
            "baseline",
            BASELINE_SPEC,
            args,
            {
                "BASELINE_SIZE": str(len(body)),
                "BASELINE_CONTENT_TYPE": headers.get("Content-Type", "text/html; charset=utf-8"),
                "BASELINE_COMPRESS": "1" if compressed else "0",
            },
        )
        servers.append(baseline)
        baseline.wait_ready(args.start_timeout)

        results, sizes = [], {}
        lesson_label = "real " + lesson_url.removeprefix(real.base)
        for label, url in [("real /", real.base + "/"), (lesson_label, lesson_url)]:
            results.append((label, measure(wrk, label, url, args, sizes)))
        rss = real.rss_mb()  # after the load on the real server
        label = "baseline (static page, same size)"
        results.append((label, measure(wrk, label, baseline.base + "/", args, sizes)))
        lesson_rps, baseline_rps = results[1][1]["rps"], results[2][1]["rps"]
        ratio = lesson_rps / baseline_rps if baseline_rps else 0.0
        print_report(results, ratio, rss, cold, sizes)
        return 0
    except (BenchError, subprocess.TimeoutExpired) as e:
        print(f"benchmark failed: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    finally:
        for server in servers:
            server.stop()


if __name__ == "__main__":
    sys.exit(main())
