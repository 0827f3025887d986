"""A hall on one machine: a network namespace for the phones, joined to this host by a
virtual Ethernet pair, as a laptop and the phones on its Wi-Fi are.

The host side gets 10.X.Y.1/30 and the namespace side 10.X.Y.2/30 (X, Y from the process
id); the namespace has no other link and no route, so whatever runs in it reaches the
laptop's address and nothing else. Names carry the process id; both are removed on exit.
Needs root (or CAP_NET_ADMIN) and iproute2's `ip`. Used by tests/web/hall/test_real_hall.py
and bench/hall_quiz.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


class NoNamespace(Exception):
    """Namespaces or virtual links cannot be made here; the message says why."""


@dataclass(frozen=True)
class Link:
    namespace: str
    host_interface: str  # on this host: the laptop's "Wi-Fi"
    host_address: str
    phone_address: str

    def inside(self, *command: str) -> list[str]:
        """command as run inside the phones' namespace."""
        return ["ip", "netns", "exec", self.namespace, *command]

    def python(self, script: Path, *args: str) -> list[str]:
        return self.inside(sys.executable, "-u", str(script), *args)


def _ip(*args: str) -> None:
    done = subprocess.run(["ip", *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise NoNamespace(f"`ip {' '.join(args)}` failed: {done.stderr.strip()}")


@contextmanager
def hall_link() -> Iterator[Link]:
    """Make the namespace and the link; yield them; remove both, whatever happened."""
    if shutil.which("ip") is None:
        raise NoNamespace("iproute2's `ip` command is not installed")
    if os.geteuid() != 0:
        raise NoNamespace("making a network namespace needs root")
    pid = os.getpid()
    namespace, host, phone = f"trainer-hall-{pid}", f"trh{pid}h", f"trh{pid}p"
    subnet = f"10.{200 + pid % 50}.{(pid // 50) % 64 * 4}"
    link = Link(namespace, host, f"{subnet}.1", f"{subnet}.2")
    made_namespace = made_link = False
    try:
        _ip("netns", "add", namespace)
        made_namespace = True
        _ip("link", "add", host, "type", "veth", "peer", "name", phone)
        made_link = True
        _ip("link", "set", phone, "netns", namespace)
        _ip("addr", "add", f"{link.host_address}/30", "dev", host)
        _ip("link", "set", host, "up")
        _ip("-n", namespace, "addr", "add", f"{link.phone_address}/30", "dev", phone)
        _ip("-n", namespace, "link", "set", phone, "up")
        _ip("-n", namespace, "link", "set", "lo", "up")
        yield link
    finally:
        if made_link:
            subprocess.run(["ip", "link", "del", host], capture_output=True)
        if made_namespace:
            subprocess.run(["ip", "netns", "del", namespace], capture_output=True)
