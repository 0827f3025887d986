"""A real hall: `trainer serve --hall` on a virtual Ethernet link, and a phone in its own
network namespace at the other end, as a phone on the culture house's Wi-Fi.

The phone reaches the laptop only through the link (the namespace has no other), so what
it opens is exactly what the projector shows. No traffic leaves loopback and that link.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.hall_link import NoNamespace, hall_link
from bench.hall_phone import PHONE_SCRIPT, browser, send

TRAINER = str(Path(sys.executable).with_name("trainer"))


class Phone:
    """A phone inside the namespace, asked one request at a time."""

    def __init__(self, link):
        self.process = subprocess.Popen(
            link.python(PHONE_SCRIPT), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )

    def send(self, **asked) -> dict:
        self.process.stdin.write(json.dumps(asked) + "\n")
        self.process.stdin.flush()
        return json.loads(self.process.stdout.readline())

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=10)
        self.process.stdout.close()


@pytest.fixture
def link():
    try:
        with hall_link() as made:
            yield made
    except NoNamespace as why:
        pytest.skip(f"no real hall here: {why}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def hall_server(link, content, tmp_path):
    """`trainer serve --hall` on the link's host side; yields its port."""
    port = free_port()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("TRAINER_PUBLIC_BASE_URL", "TRAINER_TRUSTED_HOSTS")
    }
    env.update(TRAINER_INSTANCE_PATH=str(tmp_path / "instance"), TRAINER_CONTENT_DIR=str(content))
    with (tmp_path / "serve.log").open("wb") as log:
        server = subprocess.Popen(
            [
                TRAINER,
                "serve",
                "--hall",
                "--interface",
                link.host_interface,
                "--port",
                str(port),
                "--workers",
                "1",
                "--threads",
                "4",
            ],  # fmt: skip
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 120
        while send(browser(), {"url": f"http://127.0.0.1:{port}/vui"}).get("status") != 200:
            assert server.poll() is None, (tmp_path / "serve.log").read_text()
            assert time.monotonic() < deadline, "trainer serve --hall did not answer in 120 s"
            time.sleep(0.3)
        yield port
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def shown(pattern: str, page: dict) -> str:
    found = re.search(pattern, page["body"])
    assert found, page["body"][:2000]
    return found.group(1)


def test_a_phone_on_the_halls_network_joins_the_projector_and_the_live_quiz_by_what_they_show(
    link, hall_server
):
    port, laptop = hall_server, browser()
    here = f"http://127.0.0.1:{port}"
    projector = send(laptop, {"url": f"{here}/bai-hoc/mat-khau/trinh-chieu"})
    address = shown(r'class="address">([^<]+)<', projector)
    code = shown(r'class="code">(\d{3} \d{3})<', projector)
    position = here + shown(r'name="slide-position" content="([^"]+)"', projector)
    phone = Phone(link)
    try:
        # The laptop's own 127.0.0.1 is the phone itself: nothing answers there.
        assert "error" in phone.send(url=f"{here}/trinh-chieu")

        joined = phone.send(method="POST", url=address, form={"ma": code}, token_from=address)
        presenter = joined["url"]
        remote = shown(r'name="slide-position" content="([^"]+)"', joined)
        moved = phone.send(
            method="POST",
            url=f"http://{link.host_address}:{port}{remote}",
            json={"at": 2, "blank": False},
            token_from=presenter,
        )

        class_quiz = f"{here}/chu-de/an-toan/do-vui-ca-lop"
        started = send(laptop, {"method": "POST", "token_from": class_quiz,
                                "url": f"{class_quiz}/dien-thoai"})  # fmt: skip
        lobby_address = shown(r'class="address">([^<]+)<', started)
        quiz_code = shown(r'class="code">(\d{3} \d{3})<', started).replace(" ", "")
        on_quiz = phone.send(url=f"{lobby_address}?ma={quiz_code}")
        count = started["url"] + "/dem"
        in_lobby = json.loads(send(laptop, {"url": count})["body"])["joined"]
        send(laptop, {"method": "POST", "url": started["url"], "form": {"buoc": "next"},
                      "token_from": started["url"]})  # fmt: skip
        question = phone.send(url=on_quiz["url"])
        choice = shown(r'name="chon" value="(\d+)"', question)
        answered = phone.send(method="POST", url=on_quiz["url"], form={"chon": choice},
                              token_from=on_quiz["url"])  # fmt: skip
    finally:
        phone.close()

    assert address == f"http://{link.host_address}:{port}/trinh-chieu"
    assert "reach-problem" not in projector["body"]  # nothing to warn about in hall mode
    assert presenter.startswith(f"http://{link.host_address}:{port}/bai-hoc/mat-khau/")
    assert moved["status"] == 200
    assert json.loads(send(laptop, {"url": position})["body"])["at"] == 2
    assert lobby_address == f"http://{link.host_address}:{port}/vui"
    assert in_lobby == 1
    assert "Đã gửi câu trả lời" in answered["body"]
    assert json.loads(send(laptop, {"url": count})["body"])["answered"] == 1


def test_hall_mode_answers_only_to_the_addresses_it_serves_on(hall_server):
    made_up = send(browser(), {"url": f"http://127.0.0.1:{hall_server}/bai-hoc/mat-khau/ap-phich.png",
                               "headers": {"Host": "lay-anh.example"}})  # fmt: skip

    assert made_up["status"] == 400
