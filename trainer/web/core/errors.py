"""Error pages in Vietnamese that say what happened and always lead back home."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, render_template, request
from flask.globals import request_ctx
from markupsafe import escape
from werkzeug.exceptions import HTTPException

from trainer.web.core.limits import too_large_answer
from trainer.web.core.links import safe_next

# code -> (title, what to tell the reader); 403 and 404 have pages of their own.
PAGES = {
    400: (
        "Yêu cầu chưa đúng",
        "Trang nhận được một yêu cầu không đúng dạng. Hãy quay lại, tải lại trang rồi thử lại.",
    ),
    405: (
        "Không mở được theo cách này",
        "Địa chỉ này không nhận kiểu gửi đó. Hãy mở trang bằng đường link trên trang web.",
    ),
    413: (
        "Gửi lên lớn quá",
        "Nội dung gửi lên lớn hơn mức trang nhận được (tối đa {limit}). "
        "Hãy gửi tệp nhỏ hơn, hoặc chia thành nhiều tệp.",
    ),
    416: ("Không có đoạn này", "Phần tệp được hỏi không có trong tệp. Hãy tải lại trang."),
    429: ("Xin đợi một chút", "Có quá nhiều yêu cầu cùng lúc. Hãy đợi một chút rồi thử lại."),
}


def init_app(app: Flask) -> None:
    app.register_error_handler(404, not_found)
    app.register_error_handler(500, server_error)
    app.register_error_handler(HTTPException, http_error)


def not_found(error):
    return render_template("errors/404.html"), 404


def server_error(error):
    return render_template("errors/500.html"), 500


def http_error(error: HTTPException):
    """A Vietnamese page for the codes in PAGES, keeping the headers the code needs
    (Allow for 405, Content-Range for 416, Retry-After for 429); others pass unchanged."""
    if error.code not in PAGES:
        return error
    if error.code == 413:
        return _closing(too_large_answer() or _page_for(error))
    return _page_for(error)


def _closing(answer):
    """A refused body was left unread on the connection: close it, and say so, so the
    phone opens a fresh one instead of waiting on one the server drops."""
    from flask import make_response

    response = make_response(answer)
    response.headers["Connection"] = "close"
    return response


def _page_for(error: HTTPException):
    title, message = PAGES[error.code]
    limit = request.max_content_length or 0
    message = message.format(limit=f"{limit / 1024 / 1024:.0f} MB")
    response = error.get_response()
    if request_ctx.url_adapter is None:
        # A name the site does not answer to (TRUSTED_HOSTS): no link can be built for it.
        response.set_data(_bare_page(title, message))
    else:
        response.set_data(
            render_template("errors/page.html", title=title, message=message, back=_back())
        )
    response.mimetype = "text/html"
    return response


def _bare_page(title: str, message: str) -> str:
    return (
        f'<!doctype html><html lang="vi"><meta charset="utf-8"><title>{escape(title)}</title>'
        f"<h1>{escape(title)}</h1><p>{escape(message)}</p></html>"
    )


def _back() -> str | None:
    """The page the reader came from, when it is one of this site's."""
    came = urlsplit(request.referrer or "")
    if came.netloc and came.netloc != request.host:
        return None
    path = came.path + (f"?{came.query}" if came.query else "")
    return safe_next(path, "") or None
