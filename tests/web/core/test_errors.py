"""Every error a reader can meet is a page in Vietnamese, with what the code needs."""

from __future__ import annotations

import io

import pytest
from flask import request
from werkzeug.exceptions import RequestedRangeNotSatisfiable, TooManyRequests

from tests.factories import make_user
from tests.forms import Login
from trainer.web.core import errors
from trainer.web.core.limits import VISITOR_BODY

VIETNAMESE = 'lang="vi"'


def test_a_wrong_method_is_explained_and_keeps_the_allow_header(client):
    response = client.delete("/dang-nhap")

    page = response.get_data(as_text=True)
    assert response.status_code == 405 and VIETNAMESE in page
    assert "Không mở được theo cách này" in page and "POST" in response.headers["Allow"]


def test_a_malformed_request_is_explained(client, session, login):
    make_user(session, username="lan")
    login("lan")
    token = login.token("/bai-hoc/mat-khau")

    response = client.post("/tien-do/mat-khau/buoc", data={"step": "x", "csrf_token": token})

    assert response.status_code == 400 and "Yêu cầu chưa đúng" in response.get_data(as_text=True)


def test_a_range_past_the_end_of_a_file_is_explained_and_says_the_size(app):
    with app.test_request_context("/am-thanh/x.mp3"):
        response = errors.http_error(RequestedRangeNotSatisfiable(length=4096))

    assert response.status_code == 416 and "Không có đoạn này" in response.get_data(as_text=True)
    assert response.headers["Content-Range"] == "bytes */4096"


def test_too_many_requests_is_explained_and_says_when_to_come_back(app):
    with app.test_request_context("/"):
        response = errors.http_error(TooManyRequests(retry_after=30))

    assert response.status_code == 429 and "Xin đợi một chút" in response.get_data(as_text=True)
    assert response.headers["Retry-After"] == "30"


def test_an_anonymous_post_of_100_mb_is_refused_before_it_is_read(client):
    body = io.BytesIO(b"login=x")  # the header says 100 MB: nothing more is ever read

    response = client.post(
        "/dang-nhap",
        input_stream=body,
        content_type="application/x-www-form-urlencoded",
        environ_overrides={"CONTENT_LENGTH": str(100 * 1024 * 1024)},
    )

    page = response.get_data(as_text=True)
    assert response.status_code == 413 and "Gửi lên lớn quá" in page and "tối đa 3 MB" in page
    assert body.tell() == 0


def test_a_recording_has_its_own_larger_limit_and_message_checked_before_the_form_is_read(
    app, client, session
):
    Login(client)(make_user(session, role="instructor"))
    body = io.BytesIO(b"--x\r\n")

    response = client.post(
        "/giong-doc/mat-khau/vi/1",
        input_stream=body,
        content_type="multipart/form-data; boundary=x",
        environ_overrides={"CONTENT_LENGTH": str(6 * 1024 * 1024)},
    )

    shown = client.get(response.headers["Location"]).get_data(as_text=True)
    assert response.status_code == 303 and "Tệp quá lớn. Tối đa là 5 MB." in shown
    assert body.tell() == 0
    with app.test_request_context("/giong-doc/mat-khau/vi/1", method="POST"):
        assert request.max_content_length == VISITOR_BODY  # no one is signed in here


@pytest.mark.parametrize("address", ["/khong-co", "/bai-hoc/khong-co"])
def test_a_missing_page_is_explained(client, address):
    response = client.get(address)

    assert response.status_code == 404 and "Không tìm thấy trang này" in response.get_data(
        as_text=True
    )


def test_a_refused_body_closes_the_connection_so_the_phone_does_not_wait_on_it(client):
    response = client.post(
        "/dang-nhap",
        input_stream=io.BytesIO(b"login=x"),
        content_type="application/x-www-form-urlencoded",
        environ_overrides={"CONTENT_LENGTH": str(4 * 1024 * 1024)},
    )

    assert response.status_code == 413 and response.headers["Connection"] == "close"


def test_a_visitors_5_mb_post_to_a_sign_in_only_upload_is_refused_before_it_is_read(client):
    body = io.BytesIO(b"x" * 1024)

    response = client.post(
        "/giong-doc/mat-khau/vi/1",
        input_stream=body,
        content_type="multipart/form-data; boundary=x",
        environ_overrides={"CONTENT_LENGTH": str(5 * 1024 * 1024)},
    )

    assert response.status_code == 413 and "Gửi lên lớn quá" in response.get_data(as_text=True)
    assert body.tell() == 0


def test_an_admins_audio_pack_over_3_mb_is_read_by_its_own_route(client, session):
    Login(client)(make_user(session, role="admin"))
    page = client.get("/giong-doc/goi-am-thanh/").get_data(as_text=True)
    token = page.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]

    body = (
        (
            f'--x\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{token}\r\n'
            '--x\r\nContent-Disposition: form-data; name="goi"; filename="goi.zip"\r\n'
            "Content-Type: application/zip\r\n\r\n"
        ).encode()
        + bytes(4 * 1024 * 1024)
        + b"\r\n--x--\r\n"
    )

    response = client.post(
        "/giong-doc/goi-am-thanh/",
        input_stream=io.BytesIO(body),
        content_type="multipart/form-data; boundary=x",
        environ_overrides={"CONTENT_LENGTH": str(len(body))},
    )

    assert response.status_code == 400  # read, opened, and found to be no pack: not a 413
    assert "không phải là gói âm thanh" in response.get_data(as_text=True)
