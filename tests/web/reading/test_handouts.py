"""Handouts and posters: a lesson on paper, and as a picture for a Zalo group."""

import io
import re
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image

from tests.serving import serving

REPOSITORY = Path(__file__).resolve().parents[3]
PUBLIC = "https://hoc.xa-example.vn"


@pytest.fixture
def app(make_app, content):
    return make_app(content, PUBLIC_BASE_URL=PUBLIC)


def test_the_handout_has_the_title_numbered_steps_pictures_and_the_address(client):
    html = client.get("/bai-hoc/mat-khau/in").get_data(as_text=True)

    assert "<h1>Mật khẩu an toàn</h1>" in html
    assert re.findall(r'<span class="number" lang="vi">(\d+)</span>', html) == ["1", "2"]
    assert html.count('alt="Ổ khóa có một câu dài"') == 1
    assert f"Bài đầy đủ: {PUBLIC}/bai-hoc/mat-khau" in html
    assert 'src="data:image/svg+xml' in html  # the QR code, drawn in the page itself


def test_the_handout_has_a_print_stylesheet_for_a4(client):
    html = client.get("/bai-hoc/mat-khau/in").get_data(as_text=True)
    css_url = re.search(r'href="(/static/[^"]+handout.css)"', html).group(1)

    css = client.get(css_url).get_data(as_text=True)

    assert "@page { size: A4 portrait" in css
    assert "@media print" in css


def test_the_poster_is_a_png_whose_qr_code_opens_the_lesson_on_the_public_address(client):
    response = client.get("/bai-hoc/mat-khau/ap-phich.png")

    image = Image.open(io.BytesIO(response.data))
    assert response.mimetype == "image/png"
    assert [found.text for found in zxingcpp.read_barcodes(image)] == [f"{PUBLIC}/bai-hoc/mat-khau"]


def test_a_translated_poster_leads_to_the_translation(client):
    response = client.get("/bai-hoc/mat-khau/ap-phich.png?lang=hmn")

    image = Image.open(io.BytesIO(response.data))
    assert [found.text for found in zxingcpp.read_barcodes(image)] == [
        f"{PUBLIC}/bai-hoc/mat-khau?lang=hmn"
    ]


def test_the_lesson_page_links_to_its_handout_and_poster(client):
    html = client.get("/bai-hoc/mat-khau").get_data(as_text=True)

    assert 'href="/bai-hoc/mat-khau/in"' in html
    assert 'href="/bai-hoc/mat-khau/ap-phich.png" download="mat-khau.png"' in html


@pytest.mark.parametrize("path", ["/bai-hoc/khong-co/in", "/bai-hoc/khong-co/ap-phich.png"])
def test_an_unknown_lesson_has_no_handout_or_poster(client, path):
    assert client.get(path).status_code == 404


@pytest.fixture
def shipped_server(make_app):
    """The shipped curriculum over HTTP, for printing a real lesson."""
    with serving(make_app(REPOSITORY, PUBLIC_BASE_URL=PUBLIC)) as url:
        yield url


@pytest.mark.browser
def test_a_real_lesson_prints_on_at_most_two_a4_pages_with_a_scannable_qr_code(
    browser, shipped_server
):
    page = browser.new_page()
    page.goto(f"{shipped_server}/bai-hoc/nhan-biet-lua-dao/in")
    page.wait_for_load_state("networkidle")

    pdf = page.pdf(format="A4", print_background=True)
    page.emulate_media(media="print")
    qr = Image.open(io.BytesIO(page.locator(".qr img").screenshot(scale="device")))
    hidden_nav = page.locator("nav.no-print").is_hidden()
    page.close()

    assert 1 <= len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 2
    assert hidden_nav  # the "how to print" help is not printed
    assert [found.text for found in zxingcpp.read_barcodes(qr)] == [
        f"{PUBLIC}/bai-hoc/nhan-biet-lua-dao"
    ]
