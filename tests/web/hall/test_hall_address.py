"""The address shown to the hall's phones: the public one, or a warning in Vietnamese and
the laptop's Wi-Fi address when the page was opened on 127.0.0.1."""

from __future__ import annotations

import re

from trainer.services.hall.hall_network import Interface
from trainer.web.hall import reach

PROJECTOR = "/bai-hoc/mat-khau/trinh-chieu"
WIFI = [Interface("wlan0", "192.168.43.10", wireless=True)]


def address_in(html: str) -> str:
    return re.search(r'class="address">([^<]+)<', html).group(1)


def test_a_server_open_to_this_machine_only_says_phones_cannot_join_and_how_to_fix_it(client):
    html = client.get(PROJECTOR).get_data(as_text=True)

    assert "Điện thoại chưa vào được: máy chủ đang chỉ mở cho chính máy tính này" in html
    assert "make hall" in html


def test_a_page_opened_on_127_0_0_1_shows_the_laptops_wifi_address_instead(client, monkeypatch):
    monkeypatch.setattr(reach, "hall_interfaces", lambda: WIFI)  # the kernel's answer
    listening = {"SERVER_NAME": "0.0.0.0", "SERVER_PORT": "5000"}

    html = client.get(
        PROJECTOR, headers={"Host": "127.0.0.1:5000"}, environ_overrides=listening
    ).get_data(as_text=True)

    assert "Điện thoại không mở được địa chỉ 127.0.0.1" in html
    assert address_in(html) == "http://192.168.43.10:5000/trinh-chieu"


def test_the_live_quiz_lobby_puts_the_wifi_address_in_its_qr_and_text(client, monkeypatch):
    from tests.web.hall.test_live_quiz import start_live

    monkeypatch.setattr(reach, "hall_interfaces", lambda: WIFI)
    screen, _ = start_live(client)

    html = client.get(screen, environ_overrides={"SERVER_NAME": "0.0.0.0"}).get_data(True)

    assert address_in(html) == "http://192.168.43.10/vui"
    assert "Điện thoại không mở được địa chỉ 127.0.0.1" in html


def test_with_no_wifi_the_page_says_to_turn_it_on(client, monkeypatch):
    monkeypatch.setattr(reach, "hall_interfaces", lambda: [])

    html = client.get(PROJECTOR, environ_overrides={"SERVER_NAME": "0.0.0.0"}).get_data(True)

    assert "Máy này chưa vào mạng Wi-Fi nào" in html


def test_a_public_address_is_shown_as_it_is_with_no_warning(make_app, content):
    client = make_app(content, PUBLIC_BASE_URL="http://192.168.1.5:5000/").test_client()

    html = client.get(PROJECTOR).get_data(as_text=True)

    assert address_in(html) == "http://192.168.1.5:5000/trinh-chieu"
    assert "reach-problem" not in html
