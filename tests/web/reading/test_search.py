import re
from pathlib import Path

import pytest
from playwright.sync_api import expect


@pytest.mark.parametrize("path", ["/", "/chu-de/an-toan", "/bai-hoc/mat-khau", "/tim-kiem"])
def test_every_page_has_a_search_box(client, path):
    html = client.get(path).get_data(as_text=True)

    assert re.search(r'<form class="search" role="search" action="/tim-kiem" method="get">', html)
    assert '<label class="visually-hidden" for="tim">Tìm bài học</label>' in html


def test_search_results_link_to_the_step_that_matched(client):
    html = client.get("/tim-kiem?q=chuyen+tien").get_data(as_text=True)

    assert 'href="/bai-hoc/lua-dao#buoc-1"' in html
    assert 'Bước 1: <span lang="vi">Cuộc gọi lạ</span>' in html
    assert '<mark class="match t0">chuyển</mark>' in html


def test_search_results_are_grouped_under_topic_titles(client):
    html = client.get("/tim-kiem?q=mat+khau").get_data(as_text=True)

    assert re.search(r"<h2 id=\"chu-de-1\">An toàn trên mạng</h2>", html)
    assert html.index("Mật khẩu an toàn") < html.index("</section>")


def test_a_translation_found_links_to_that_language(client):
    html = client.get("/tim-kiem?q=password").get_data(as_text=True)

    assert 'href="/bai-hoc/mat-khau?lang=hmn' in html


def test_each_result_names_its_language(client):
    html = client.get("/tim-kiem?q=password").get_data(as_text=True)

    assert '<span class="count" lang="vi">Tiếng H&#39;Mông</span>' in html


def test_nothing_found_says_what_to_try(client):
    html = client.get("/tim-kiem?q=xyzzy").get_data(as_text=True)

    assert "Không thấy bài nào có “xyzzy”" in html


def test_the_query_is_shown_escaped(client):
    html = client.get("/tim-kiem?q=<script>alert(1)</script>").get_data(as_text=True)

    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_the_app_builds_the_index_on_first_search_when_trainer_build_has_not(app, client):
    folder = Path(app.instance_path) / "unbuilt" / "search"
    assert not folder.exists()

    response = client.get("/tim-kiem?q=mat+khau")

    assert response.status_code == 200
    assert "Mật khẩu an toàn" in response.get_data(as_text=True)
    assert [path.name for path in folder.iterdir() if not path.name.startswith(".")]
    assert not (Path(app.config["BUILD_DIR"]) / "search").exists()  # never in the build folder


@pytest.mark.browser
def test_a_resident_types_without_diacritics_and_opens_the_step(phone, live_server):
    phone.goto(live_server)

    phone.locator("summary", has_text="Tìm bài").click()
    phone.get_by_role("searchbox", name="Tìm bài học").fill("mat khau")
    phone.keyboard.press("Enter")
    first = phone.locator(".search-hits a").first
    expect(first).to_contain_text("Mật khẩu an toàn")
    first.click()

    expect(phone.locator("article h1")).to_have_text("Mật khẩu an toàn")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
