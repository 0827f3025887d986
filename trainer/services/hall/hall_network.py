"""Where phones on the hall's Wi-Fi reach this laptop: its network interfaces and addresses.

Read from the kernel (the interface list and one ioctl each), so nothing is installed and no
packet is sent. A Wi-Fi card or a hotspot comes first; bridges and tunnels that containers
and VPNs make are left out of the choice, though still counted as this machine's own.
"""

from __future__ import annotations

import fcntl
import ipaddress
import socket
import struct
import time
from dataclasses import dataclass
from pathlib import Path

SIOCGIFFLAGS, SIOCGIFADDR, IFF_UP = 0x8913, 0x8915, 0x1
NOT_A_HALL = ("lo", "docker", "br-", "virbr", "veth", "tun", "tap", "wg", "vmnet", "lxc")
LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}
SYS_NET = Path("/sys/class/net")


@dataclass(frozen=True)
class Interface:
    name: str
    address: str  # IPv4
    wireless: bool


def interfaces() -> list[Interface]:
    """Every interface that is up and has an IPv4 address, loopback included."""
    found = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        for _, name in socket.if_nameindex():
            packed = struct.pack("256s", name.encode()[:15])
            try:
                flags = struct.unpack("H", fcntl.ioctl(probe, SIOCGIFFLAGS, packed)[16:18])[0]
                raw = fcntl.ioctl(probe, SIOCGIFADDR, packed)[20:24]
            except OSError:  # no IPv4 address
                continue
            if flags & IFF_UP:
                wireless = (SYS_NET / name / "wireless").exists() or name.startswith("wl")
                found.append(Interface(name, socket.inet_ntoa(raw), wireless))
    return found


def hall_interfaces(found: list[Interface] | None = None) -> list[Interface]:
    """The interfaces phones could reach this laptop on: Wi-Fi and hotspots first."""
    found = interfaces() if found is None else found
    usable = [
        one
        for one in found
        if not one.name.startswith(NOT_A_HALL) and not ipaddress.ip_address(one.address).is_loopback
    ]
    return sorted(usable, key=lambda one: (not one.wireless, one.name))


def is_loopback(host: str) -> bool:
    """True for a name or address that means "this machine" to whoever types it."""
    host = host.strip("[]").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


_seen: tuple[float, frozenset[str]] = (0.0, frozenset())
SEEN_FOR = 10.0  # seconds: a laptop that joins a Wi-Fi is known as such soon after


def own_addresses() -> frozenset[str]:
    """This machine's IPv4 addresses, read again at most every SEEN_FOR seconds."""
    global _seen
    if time.monotonic() - _seen[0] > SEEN_FOR:
        _seen = (time.monotonic(), frozenset(one.address for one in interfaces()))
    return _seen[1]
