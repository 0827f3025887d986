"""Can the hall's phones open the address a page shows them? If not, say so and show one
that works.

A laptop that serves on 127.0.0.1 (or whose page was opened there, with no public address
set) would print a QR code no phone can open: 127.0.0.1 is each phone itself. The page then
says so in Vietnamese and, where the server listens on the laptop's network, shows the
laptop's Wi-Fi address instead.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import request

from trainer.services.hall.hall_network import hall_interfaces, is_loopback
from trainer.web.core.links import public_url, unreachable_by_phones


@dataclass(frozen=True)
class Reach:
    url: str  # the address to show and to put in the QR code
    problem: str = ""  # why the address this page was opened at is no good for phones


LOCAL_ONLY = (
    "Điện thoại chưa vào được: máy chủ đang chỉ mở cho chính máy tính này (127.0.0.1). "
    "Hãy tắt máy chủ (Ctrl+C) rồi chạy lệnh make hall: trang sẽ hiện địa chỉ cho điện thoại."
)
NO_WIFI = (
    "Điện thoại không mở được địa chỉ 127.0.0.1: đó là chính máy tính này. "
    "Máy này chưa vào mạng Wi-Fi nào: hãy bật Wi-Fi hoặc điểm phát (hotspot) rồi tải lại trang."
)
USE_WIFI = (
    "Điện thoại không mở được địa chỉ 127.0.0.1: đó là chính máy tính này. "
    "Điện thoại cùng Wi-Fi hãy mở địa chỉ dưới đây."
)


def reach(path: str) -> Reach:
    """Where phones open path: the public address, or, when that names this machine only,
    the laptop's Wi-Fi address with a note saying why."""
    url = public_url(path)
    if not unreachable_by_phones(url):
        return Reach(url)
    if is_loopback(request.environ.get("SERVER_NAME", "")):
        return Reach(url, LOCAL_ONLY)
    found = hall_interfaces()
    if not found:
        return Reach(url, NO_WIFI)
    port = request.environ.get("SERVER_PORT", "80")
    return Reach(f"http://{found[0].address}{'' if port == '80' else ':' + port}{path}", USE_WIFI)
