"""A member on weak 3G: a lesson's first visit must stay under 100 KB."""

import re
from pathlib import Path

import pytest

from tests.factories import shipped_catalog

REPOSITORY = Path(__file__).resolve().parents[3]
BUDGET = 100 * 1024
SHIPPED = sorted(slug for slug, language in shipped_catalog()[0].lessons if language == "vi")


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    from trainer import create_app

    instance = tmp_path_factory.mktemp("instance")
    app = create_app(
        {
            "TESTING": True,
            "CONTENT_DIR": str(REPOSITORY),
            "BUILD_DIR": str(instance / "build"),
            "SECRET_KEY": "test",
        }
    )
    return app.test_client()


def transferred(client, url: str) -> int:
    with client.get(url, headers={"Accept-Encoding": "gzip"}) as response:
        assert response.status_code == 200, url
        return len(response.data)


@pytest.mark.parametrize("slug", SHIPPED)
def test_first_visit_to_a_lesson_transfers_under_100_kb(shipped, slug):
    page_url = f"/bai-hoc/{slug}"
    html = shipped.get(page_url).get_data(as_text=True)
    css = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    scripts = re.findall(r'<script[^>]+src="([^"]+)"', html)
    first_picture = re.search(r'<img class="illustration" src="([^"]+)"', html).group(1)

    total = sum(transferred(shipped, url) for url in [page_url, *css, *scripts, first_picture])

    assert total <= BUDGET, f"{slug}: {total} bytes"
