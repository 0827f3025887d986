"""Listen mode on a slow connection: every clip arrives 2 s after it is asked for, as on 3G
at the edge of a village. Moving on while a clip still loads keeps the buttons telling the
truth, and one press of Space pauses what is heard."""

import re
import time

import pytest
from playwright.sync_api import expect

from tests.web.layout import build_voiced

pytestmark = pytest.mark.browser

DELAY = 2.0  # seconds before each clip's first byte


def slow_clips(wsgi_app):
    """wsgi_app, answering every audio clip only after DELAY seconds."""

    def app(environ, start_response):
        if environ["PATH_INFO"].startswith("/am-thanh/"):
            time.sleep(DELAY)  # the slow network itself, not a wait in the test
        return wsgi_app(environ, start_response)

    return app


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build_voiced(tmp_path_factory.mktemp("built"))


@pytest.fixture
def app(make_app, content, built):
    app = make_app(content, BUILD_DIR=str(built))
    app.wsgi_app = slow_clips(app.wsgi_app)
    return app


def test_next_while_a_clip_loads_plays_the_next_part_and_says_so(phone, live_server):
    phone.goto(f"{live_server}/bai-hoc/mat-khau/nghe")
    phone.get_by_role("button", name="Nghe", exact=True).click()

    phone.keyboard.press("ArrowRight")  # the first clip is still on its way

    expect(phone.locator("#phan-1")).to_have_class(re.compile(r"\breading\b"), timeout=15000)
    expect(phone.get_by_role("button", name="Tạm dừng")).to_be_visible()
    expect(phone.get_by_role("button", name="Nghe", exact=True)).to_have_count(0)


def test_one_space_pauses_after_moving_on_while_a_clip_loaded(phone, live_server):
    phone.goto(f"{live_server}/bai-hoc/mat-khau/nghe")
    phone.get_by_role("button", name="Nghe", exact=True).click()
    phone.keyboard.press("ArrowRight")
    expect(phone.locator("#phan-1")).to_have_class(re.compile(r"\breading\b"), timeout=15000)

    phone.keyboard.press(" ")

    expect(phone.locator("#phan-1")).not_to_have_class(re.compile(r"\breading\b"))
    expect(phone.get_by_role("button", name="Nghe", exact=True)).to_be_visible()
