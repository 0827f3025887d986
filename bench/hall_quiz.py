"""Benchmark: a hall of phones answering a class quiz against the laptop's own server.

Run from the repo root with the project's virtualenv:
    .venv/bin/python bench/hall_quiz.py [--phones 50] [--questions 5] [--topic vneid]

Starts `trainer serve --hall` (SQLite in a temporary instance folder, 2 workers x 4 threads)
on a virtual Ethernet link to a network namespace for the phones (bench/hall_link.py; needs
root), so the phones reach the laptop's hall address as on the culture house's Wi-Fi, all
from one address; `--loopback` (or no way to make a namespace) serves 127.0.0.1 instead.
Then:
1. baseline: one phone alone asks the quiz's state every 1.5 s for 10 s;
2. the class: an instructor starts a live class quiz from the topic's practice items and
   moves through --questions questions (open 10 s, answer shown 3 s); --phones phones join
   by the code and behave as the page does: ask every 1.5 s, load the page again when the
   question changed, and answer 1 to 5 s after it came (a person reading and tapping),
   while the projector asks for the live count every 1.5 s.
Prints the poll latency (p50, p99, max) alone and in the class, answers sent against
answers the projector counted, and errors. Only 127.0.0.1 and the namespace's link are
contacted; it stops itself after the questions (about a minute) and removes the namespace.
Exits 0 whatever the figures; 1 if the server fails.
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import os
import queue
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from bench.hall_link import NoNamespace, hall_link  # noqa: E402 - after the path is known

TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
POLL_EVERY = 1.5


def parse_args():
    p = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    p.add_argument("--phones", type=int, default=50)
    p.add_argument("--questions", type=int, default=5)
    p.add_argument("--topic", default="vneid")
    p.add_argument("--open-seconds", type=float, default=10.0)
    p.add_argument("--shown-seconds", type=float, default=3.0)
    p.add_argument(
        "--processes", type=int, default=5, help="client processes the phones are spread over"
    )
    p.add_argument("--loopback", action="store_true", help="phones on 127.0.0.1, no namespace")
    p.add_argument("--phones-process", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--host", default="127.0.0.1", help=argparse.SUPPRESS)
    p.add_argument("--port", type=int, default=0, help=argparse.SUPPRESS)
    p.add_argument("--code", default="", help=argparse.SUPPRESS)
    p.add_argument("--first", type=int, default=0, help=argparse.SUPPRESS)
    return p.parse_args()


class Browser:
    """One phone (or the laptop): a keep-alive connection and its cookies."""

    def __init__(self, port: int, host: str = "127.0.0.1"):
        self.host, self.port, self.cookies = host, port, {}
        self.connection = http.client.HTTPConnection(host, port, timeout=30)

    def send(self, method, path, fields=None, extra=None):
        headers = {"Host": f"{self.host}:{self.port}", **(extra or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if fields is not None:
            body = urlencode(fields, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in range(2):  # a kept connection the server closed: open it again
            try:
                self.connection.request(method, path, body=body, headers=headers)
                response = self.connection.getresponse()
                data = response.read()
                break
            except (http.client.HTTPException, OSError):
                self.connection.close()
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
                if attempt:
                    raise
        for value in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.headers, data.decode("utf-8", "replace")

    def form(self, page: str, path: str, fields: dict):
        status, _, html = self.send("GET", page)
        token = TOKEN.search(html)
        if not token:
            raise RuntimeError(f"no form on {page} ({status})")
        return self.send("POST", path, {"csrf_token": token.group(1), **fields})


class Figures:
    def __init__(self):
        self.lock = threading.Lock()
        self.polls: list[float] = []
        self.starts: list[float] = []  # time.monotonic() of each poll: the same clock in
        # every process on Linux, so polls can be set beside the instructor's actions
        self.sent = 0
        self.late = 0  # tapped after the answer was shown: refused, as on a real phone
        self.errors: list[str] = []

    def poll(self, started: float, seconds: float) -> None:
        with self.lock:
            self.starts.append(started)
            self.polls.append(seconds)

    def error(self, what: str) -> None:
        with self.lock:
            self.errors.append(what)


def phone(host, port, code, stop: threading.Event, figures: Figures, rng: random.Random):
    """One phone as its page behaves: ask every 1.5 s; when the state changed, load the page
    again; a person reads the question and taps an answer 1 to 5 seconds after it came."""
    me = Browser(port, host)
    try:
        me.send("GET", f"/vui/{code}")
        seen, page, answer_at = None, "", None
        next_poll = time.monotonic() + rng.uniform(0, POLL_EVERY)
        while not stop.is_set():
            if time.monotonic() >= next_poll:
                next_poll += POLL_EVERY
                at, started = time.monotonic(), time.perf_counter()
                status, _, text = me.send("GET", f"/vui/{code}/trang-thai")
                figures.poll(at, time.perf_counter() - started)
                if status != 200:
                    figures.error(f"poll {status}")
                elif (seq := re.search(r'"seq":\s*(\d+)', text).group(1)) != seen:
                    seen = seq
                    page = me.send("GET", f"/vui/{code}")[2]
                    asked = 'name="chon"' in page or 'name="thu-tu.' in page
                    answer_at = time.monotonic() + rng.uniform(1, 5) if asked else None
            if answer_at is not None and time.monotonic() >= answer_at:
                answer(me, code, page, figures, rng)
                answer_at = None
            stop.wait(max(0.0, min(next_poll, answer_at or next_poll) - time.monotonic()))
    except Exception as error:  # noqa: BLE001 - counted, the others go on
        figures.error(f"phone: {error!r}")


def phones_process(host, port, code, first, count, stop, results) -> None:
    """`count` phones as threads of one client process (so the client's own lock between
    threads does not add to the latency measured); its figures go back through results."""
    figures = Figures()
    threads = [
        threading.Thread(
            target=phone, args=(host, port, code, stop, figures, random.Random(first + i))
        )
        for i in range(count)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.put((figures.starts, figures.polls, figures.sent, figures.late, figures.errors))


class Phones:
    """`count` phones in a client process: a child on loopback, or inside the namespace."""

    def __init__(self, link, host, port, code, first, count):
        self.link = link
        if link is None:
            self.stop, self.results = multiprocessing.Event(), multiprocessing.Queue()
            self.process = multiprocessing.Process(
                target=phones_process,
                args=(host, port, code, first, count, self.stop, self.results),
            )
            self.process.start()
        else:
            self.process = subprocess.Popen(
                link.python(
                    Path(__file__),
                    "--phones-process",
                    "--host",
                    host,
                    "--port",
                    str(port),
                    "--code",
                    code,
                    "--first",
                    str(first),
                    "--phones",
                    str(count),
                ),  # fmt: skip
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
            )

    def finish(self) -> tuple:
        """Stop the phones; their (starts, polls, sent, late, errors)."""
        if self.link is None:
            self.stop.set()
            figures = self.results.get(timeout=60)
            self.process.join(timeout=30)
            return figures
        out, _ = self.process.communicate(input="stop\n", timeout=60)
        return tuple(json.loads(out))


def phones_in_namespace(args) -> int:
    """The child inside the namespace: phones until stdin says stop; figures as JSON."""
    stop, results = threading.Event(), queue.Queue()
    worker = threading.Thread(
        target=phones_process,
        args=(args.host, args.port, args.code, args.first, args.phones, stop, results),
    )
    worker.start()
    sys.stdin.readline()
    stop.set()
    worker.join()
    print(json.dumps(results.get()))
    return 0


def answer(me: Browser, code: str, html: str, figures: Figures, rng: random.Random) -> None:
    token = TOKEN.search(html).group(1)
    choices = re.findall(r'name="chon" value="(\d+)"', html)
    ranks = re.findall(r'name="(thu-tu\.\d+)"', html)
    fields: dict = {"csrf_token": token}
    if choices:
        fields["chon"] = rng.choice(choices)
    else:
        order = list(range(1, len(ranks) + 1))
        rng.shuffle(order)
        fields.update({name: str(rank) for name, rank in zip(ranks, order, strict=True)})
    # As the page's script sends it: the answer, and a few words back instead of a new page.
    status, _, said = me.send("POST", f"/vui/{code}", fields, {"X-Requested-With": "phone"})
    if status != 200:
        figures.error(f"answer {status}")
    elif json.loads(said)["kept"]:
        with figures.lock:
            figures.sent += 1
    elif "đã đóng" in json.loads(said)["said"]:  # the question closed before the tap
        with figures.lock:
            figures.late += 1
    else:
        figures.error(f"answer not kept: {said[:80]}")


def projector(port: int, quiz: str, stop: threading.Event, counted: dict, figures: Figures):
    screen = Browser(port)
    screen.cookies = dict(LAPTOP.cookies)
    while not stop.is_set():
        status, _, text = screen.send("GET", f"{quiz}/dem")
        if status == 200:
            number = int(re.search(r'"number":\s*(\d+)', text).group(1))
            answered = int(re.search(r'"answered":\s*(\d+)', text).group(1))
            counted[number] = max(counted.get(number, 0), answered)
        else:
            figures.error(f"count {status}")
        stop.wait(POLL_EVERY)


LAPTOP: Browser


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def line(name: str, polls: list[float]) -> str:
    ms = [p * 1000 for p in polls]
    return (
        f"  {name:<28} {len(ms):>6} polls   p50 {percentile(ms, 0.5):7.1f} ms   "
        f"p99 {percentile(ms, 0.99):7.1f} ms   max {max(ms, default=0):7.1f} ms"
    )


def start_server(instance: Path, port: int, link) -> subprocess.Popen:
    env = {
        **os.environ,
        "TRAINER_INSTANCE_PATH": str(instance),
        "TRAINER_CONTENT_DIR": str(REPO),
    }
    trainer = str(Path(sys.executable).with_name("trainer"))
    args = [trainer, "serve", "--host", "127.0.0.1", "--port", str(port)]
    if link is not None:
        args += ["--hall", "--interface", link.host_interface]
    log = (instance / "serve.log").open("wb")
    return subprocess.Popen(
        args, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )


def wait_for(port: int, process: subprocess.Popen, limit: float = 120) -> float:
    started = time.monotonic()
    while time.monotonic() - started < limit:
        if process.poll() is not None:
            raise SystemExit("trainer serve stopped; see its log")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                status = Browser(port).send("GET", "/vui")[0]
                if status == 200:
                    return time.monotonic() - started
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"trainer serve did not answer in {limit} s")


def main() -> int:
    args = parse_args()
    if args.phones_process:
        return phones_in_namespace(args)
    if args.loopback:
        return run(args, None)
    try:
        with hall_link() as link:
            return run(args, link)
    except NoNamespace as why:
        print(f"no network namespace ({why}): phones on 127.0.0.1 instead")
        return run(args, None)


def run(args, link) -> int:
    global LAPTOP
    instance = Path(tempfile.mkdtemp(prefix="trainer-bench-hall-"))
    port = socket.socket()
    port.bind(("127.0.0.1", 0))
    port_number = port.getsockname()[1]
    port.close()
    server = start_server(instance, port_number, link)
    phone_host = link.host_address if link else "127.0.0.1"
    try:
        print(f"trainer serve answering after {wait_for(port_number, server):.1f} s")
        LAPTOP = Browser(port_number)
        status, headers, _ = LAPTOP.form(
            f"/chu-de/{args.topic}/do-vui-ca-lop",
            f"/chu-de/{args.topic}/do-vui-ca-lop/dien-thoai",
            {},
        )
        if status != 303:
            raise SystemExit(f"could not start a live class quiz on {args.topic}: {status}")
        quiz = headers["Location"]
        code = re.search(r'class="code">(\d{3}) (\d{3})<', LAPTOP.send("GET", quiz)[2])
        code = "".join(code.groups())

        alone = Figures()
        lone = Phones(link, phone_host, port_number, code, 10_000, 1)
        time.sleep(10)
        starts, alone.polls, _, _, alone.errors = lone.finish()

        hall, counted = Figures(), {}
        stop_projector = threading.Event()
        shares = [
            args.phones // args.processes + (i < args.phones % args.processes)
            for i in range(args.processes)
        ]
        screen = threading.Thread(
            target=projector, args=(port_number, quiz, stop_projector, counted, hall)
        )
        clients = [
            Phones(link, phone_host, port_number, code, sum(shares[:i]), share)
            for i, share in enumerate(shares)
            if share
        ]
        screen.start()
        time.sleep(POLL_EVERY * 2)  # every phone has joined and asked once
        changes = []
        for _ in range(args.questions):
            changes.append(time.monotonic())
            LAPTOP.form(quiz, quiz, {"buoc": "next"})
            time.sleep(args.open_seconds)
            changes.append(time.monotonic())
            LAPTOP.form(quiz, quiz, {"buoc": "reveal"})
            time.sleep(args.shown_seconds)
        stop_projector.set()
        for client in clients:
            starts, polls, sent, late, errors = client.finish()
            hall.late += late
            hall.starts += starts
            hall.polls += polls
            hall.sent += sent
            hall.errors += errors
        screen.join(timeout=30)

        total_counted = sum(n for number, n in counted.items() if number > 0)
        load = os.getloadavg()[0]
        print(
            f"\n{args.phones} phones ({len(clients)} client processes), {args.questions} "
            f"questions of {args.topic}, polling every {POLL_EVERY} s;"
        )
        where = (
            f"from a network namespace, all from {link.phone_address}, to the hall address "
            f"{link.host_address}" if link else "on 127.0.0.1"
        )  # fmt: skip
        print(
            f"phones {where}; SQLite, trainer serve (2 workers x 4 threads), "
            f"{os.cpu_count()} cores, load average {load:.1f} at the end:"
        )
        print(line("baseline: one phone alone", alone.polls))
        print(line(f"{args.phones} phones + projector", hall.polls))
        near = [
            seconds
            for at, seconds in zip(hall.starts, hall.polls, strict=True)
            if any(0 <= at - change < 2.5 for change in changes)
        ]
        calm = [p for p in hall.polls if p not in set(near)]
        print(line("  within 2.5 s of a change", near))
        print(line("  the rest", calm))
        print(f"  answers sent (kept)          {hall.sent}   (too late, refused: {hall.late})")
        print(
            f"  answers counted on projector {total_counted}  (per question: "
            f"{[counted.get(n, 0) for n in range(1, args.questions + 1)]})"
        )
        print(
            f"  errors                       {len(alone.errors) + len(hall.errors)}"
            + (f"  e.g. {hall.errors[:3]}" if hall.errors else "")
        )
        goal_p99 = percentile([p * 1000 for p in hall.polls], 0.99) < 200
        print(
            f"  goals: counted = sent {'met' if total_counted == hall.sent else 'NOT met'}; "
            f"poll p99 < 200 ms {'met' if goal_p99 else 'NOT met'}"
        )
        return 0
    finally:
        try:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(server.pid, signal.SIGKILL)


if __name__ == "__main__":
    sys.exit(main())
