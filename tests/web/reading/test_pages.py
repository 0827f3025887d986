import gzip
import logging
import re

from tests.factories import GOOD_BODY, write_lesson
from trainer.web.core.serving_state import serving


def test_home_lists_topics_with_how_many_lessons_each_has(client):
    page = client.get("/").get_data(as_text=True)

    assert "An toàn trên mạng" in page
    assert "2 bài học" in page
    assert "0 bài học" in page  # Nông nghiệp has none yet
    assert page.index("An toàn trên mạng") < page.index("Nông nghiệp")


def test_topic_page_lists_its_lessons_in_order_with_minutes(client):
    page = client.get("/chu-de/an-toan").get_data(as_text=True)

    assert page.index("Mật khẩu an toàn") < page.index("Nhận biết lừa đảo")
    assert "3 phút" in page
    assert "4 phút" in page


def test_lesson_page_shows_every_step_with_its_picture_and_boxes(client):
    page = client.get("/bai-hoc/mat-khau").get_data(as_text=True)

    assert "Bước 1</span> Dùng câu dài" in page
    assert "Bước 2</span> Không đưa mật khẩu cho ai" in page
    # o-khoa.svg is a quiz's picture too, so it is named by its content hash alone
    assert re.search(r'<img class="illustration" src="/media/[0-9a-f]{12}\.svg"', page)
    assert 'alt="Ổ khóa có một câu dài"' in page
    assert "Mẹo" in page and "Cẩn thận" in page
    assert "Ai hỏi mã OTP là kẻ lừa đảo." in page


def test_a_photo_is_offered_at_two_widths(client):
    page = client.get("/bai-hoc/mat-khau").get_data(as_text=True)

    assert re.search(
        r'srcset="/media/480\.[0-9a-f]{12}\.webp 480w, /media/960\.[0-9a-f]{12}\.webp 960w"', page
    )


def test_lesson_page_links_to_the_next_lesson_and_back(client):
    first = client.get("/bai-hoc/mat-khau").get_data(as_text=True)
    second = client.get("/bai-hoc/lua-dao").get_data(as_text=True)

    assert 'rel="next" href="/bai-hoc/lua-dao"' in first
    assert 'rel="prev"' not in first
    assert 'rel="prev" href="/bai-hoc/mat-khau"' in second


def test_language_switcher_lists_the_translations_that_exist(client):
    page = client.get("/bai-hoc/mat-khau").get_data(as_text=True)

    assert 'href="/bai-hoc/mat-khau?lang=hmn"' in page
    assert '<span lang="hmn">Hmoob</span><span class="vi-name"> · H&#39;Mông</span></a>' in page
    assert '<span lang="vi">Tiếng Việt</span></a>' in page


def test_a_lesson_without_translations_has_no_language_switcher(client):
    page = client.get("/bai-hoc/lua-dao").get_data(as_text=True)

    assert "Chọn ngôn ngữ" not in page


def test_a_draft_translation_shows_a_notice(client):
    page = client.get("/bai-hoc/mat-khau?lang=hmn").get_data(as_text=True)

    assert '<article lang="hmn">' in page
    assert "Siv ib kab lus ntev" in page
    assert "Bản dịch nháp" in page


def test_a_missing_translation_falls_back_to_vietnamese_and_says_so(client):
    page = client.get("/bai-hoc/lua-dao?lang=hmn").get_data(as_text=True)

    assert '<article lang="vi">' in page
    assert "Bài này chưa có bản Tiếng H&#39;Mông. Đang hiện tiếng Việt." in page


def test_the_reading_language_is_kept_from_lesson_to_lesson(client):
    page = client.get("/bai-hoc/mat-khau?lang=hmn").get_data(as_text=True)

    assert 'rel="next" href="/bai-hoc/lua-dao?lang=hmn"' in page


def test_unknown_pages_answer_in_vietnamese_with_a_way_home(client):
    response = client.get("/bai-hoc/khong-co-bai-nay")

    page = response.get_data(as_text=True)
    assert response.status_code == 404
    assert "Không tìm thấy trang này" in page
    assert 'href="/">Về trang chủ</a>' in page


def test_raw_html_and_javascript_links_in_a_lesson_come_out_escaped(make_app, content):
    body = GOOD_BODY.replace(
        "Làm theo hướng dẫn.", "Làm <script>alert(1)</script> [bấm](javascript:alert(2))."
    )
    write_lesson(content, text=None, body=body)
    app = make_app(content)

    # Refused by the check, the lesson is not served; rendered anyway, nothing runs.
    assert app.test_client().get("/bai-hoc/bai-moi").status_code == 404
    from trainer.content.lessons import read_lesson

    lesson, _ = read_lesson(content / "lessons/vi/an-toan/bai-moi.md", content, "vi")
    html = lesson.steps[0].html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript:' not in html


def test_the_server_logs_content_problems_and_serves_the_rest(make_app, content, caplog):
    broken = content / "lessons/dan_toc/hmn/mat-khau.md"
    broken.write_text(broken.read_text().replace("status: draft", "status: [draft"))

    with caplog.at_level(logging.WARNING, logger="trainer.content"):
        client = make_app(content).test_client()

    assert "lessons/dan_toc/hmn/mat-khau.md:6: bad YAML" in caplog.text
    assert client.get("/bai-hoc/mat-khau").status_code == 200
    assert "Bài này chưa có bản" in client.get("/bai-hoc/mat-khau?lang=hmn").get_data(as_text=True)


def test_static_files_carry_a_content_hash_and_are_cached_for_a_year(client):
    page = client.get("/").get_data(as_text=True)
    css = re.search(r'href="(/static/\w+/site\.css)"', page).group(1)

    with client.get(css) as response:
        assert response.status_code == 200
        assert "max-age=31536000" in response.headers["Cache-Control"]
        assert "immutable" in response.headers["Cache-Control"]


def test_pictures_are_cached_for_a_year_and_cannot_run_scripts(client):
    page = client.get("/bai-hoc/mat-khau").get_data(as_text=True)
    svg = re.search(r'src="(/media/[0-9a-f]{12}\.svg)"', page).group(1)

    with client.get(svg) as response:
        assert response.mimetype == "image/svg+xml"
        assert "immutable" in response.headers["Cache-Control"]
        assert response.headers["Content-Security-Policy"].startswith("default-src 'none'")


def test_pages_are_compressed_for_slow_networks(client):
    response = client.get("/bai-hoc/mat-khau", headers={"Accept-Encoding": "gzip"})

    assert response.headers["Content-Encoding"] == "gzip"
    assert "Dùng câu dài" in gzip.decompress(response.data).decode()


def test_pages_load_nothing_from_other_sites(client):
    response = client.get("/bai-hoc/mat-khau")

    page = response.get_data(as_text=True)
    assert not re.search(r'(src|href)="(https?:)?//', page.split('class="sources"')[0])
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]


def test_a_lesson_is_rendered_once_and_served_the_same_after(app, client):
    first = client.get("/bai-hoc/mat-khau").get_data(as_text=True)

    second = client.get("/bai-hoc/mat-khau").get_data(as_text=True)

    assert first == second
    assert ("mat-khau", "vi") in serving(app).articles and len(serving(app).articles) == 1
