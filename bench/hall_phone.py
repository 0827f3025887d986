"""One phone on the hall's Wi-Fi, driven line by line: run inside the phones' namespace
(bench/hall_link.py), it reads one JSON request a line on stdin and answers one JSON line.

    {"method": "GET", "url": "http://10.1.2.1:5000/vui?ma=123456"}
    {"method": "POST", "url": "...", "form": {"ma": "123456"}, "token_from": "<page url>"}
    {"method": "POST", "url": "...", "json": {"at": 2, "blank": false}, "headers": {...}}

It keeps its cookies and follows redirects as a browser does; the answer is {"status",
"url" (after redirects), "body"} or {"error"}. It uses no proxy: only the address asked.
"""

from __future__ import annotations

import http.cookiejar
import json
import re
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

PHONE_SCRIPT = Path(__file__).resolve()

TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|name="csrf-token" content="([^"]+)"')


def browser() -> urllib.request.OpenerDirector:
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(
        urllib.request.ProxyHandler({}), urllib.request.HTTPCookieProcessor(jar)
    )


def send(opener, asked: dict) -> dict:
    headers = dict(asked.get("headers") or {})
    data = None
    if "token_from" in asked:  # the page's anti-forgery token, as a form on it would send
        page = opener.open(asked["token_from"], timeout=20).read().decode()
        found = TOKEN.search(page)
        token = found and (found.group(1) or found.group(2))
        if asked.get("json") is not None:
            headers["X-CSRFToken"] = token or ""
        else:
            asked = {**asked, "form": {"csrf_token": token or "", **(asked.get("form") or {})}}
    if asked.get("json") is not None:
        data = json.dumps(asked["json"]).encode()
        headers["Content-Type"] = "application/json"
    elif asked.get("form") is not None:
        data = urlencode(asked["form"], doseq=True).encode()
    request = urllib.request.Request(
        asked["url"], data=data, headers=headers, method=asked.get("method", "GET")
    )
    try:
        with opener.open(request, timeout=20) as response:
            return {
                "status": response.status,
                "url": response.url,
                "body": response.read().decode(),
            }
    except urllib.error.HTTPError as error:
        return {"status": error.code, "url": error.url, "body": error.read().decode()}
    except OSError as error:
        return {"error": repr(error)}


def main() -> None:
    opener = browser()
    for line in sys.stdin:
        if line.strip():
            print(json.dumps(send(opener, json.loads(line))), flush=True)


if __name__ == "__main__":
    main()
