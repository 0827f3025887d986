import pytest

from trainer.web.core.links import safe_next


def test_without_a_setting_links_use_the_address_the_page_was_opened_at(client):
    page = client.get("/bai-hoc/mat-khau/in", base_url="http://192.168.1.10:5000").get_data(
        as_text=True
    )

    assert "http://192.168.1.10:5000/bai-hoc/mat-khau" in page


def test_a_set_public_address_wins(make_app, content):
    client = make_app(content, PUBLIC_BASE_URL="https://hoc.dienbien.example/").test_client()

    page = client.get("/bai-hoc/mat-khau/in", base_url="http://192.168.1.10:5000").get_data(
        as_text=True
    )

    assert "https://hoc.dienbien.example/bai-hoc/mat-khau" in page
    assert "192.168.1.10" not in page


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/", "/\\evil.example", "", None, "cua-toi"]
)
def test_a_redirect_never_leaves_the_site(target):
    assert safe_next(target, "/cua-toi") == "/cua-toi"


def test_a_redirect_keeps_a_path_on_the_site_with_its_query():
    assert safe_next("/bai-hoc/mat-khau?lang=hmn", "/") == "/bai-hoc/mat-khau?lang=hmn"
