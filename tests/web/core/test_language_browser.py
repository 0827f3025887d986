"""A reader who picks H'Mông keeps it: a typed address, a bookmark or a QR code opens the
lesson in H'Mông."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_a_lesson_opened_by_its_bare_address_after_choosing_hmong_is_in_hmong(phone, live_server):
    phone.goto(f"{live_server}/bai-hoc/mat-khau")
    phone.get_by_role("link", name="Hmoob · H'Mông").click()
    expect(phone.locator("article h1")).to_have_text("Tus password uas muaj kev nyab xeeb")

    phone.goto(f"{live_server}/bai-hoc/mat-khau")  # typed, as from a QR code or a bookmark

    expect(phone.locator("article h1")).to_have_text("Tus password uas muaj kev nyab xeeb")
    expect(phone.locator("html")).to_have_attribute("lang", "vi")  # the site's own words
    expect(phone.locator("article")).to_have_attribute("lang", "hmn")
