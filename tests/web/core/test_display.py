"""A reader's display choices: text size and contrast, kept in a cookie, no JavaScript."""


def test_a_plus_sets_a_bigger_text_size_and_goes_back_to_the_page(client):
    response = client.get("/hien-thi?chu=to&tiep=/bai-hoc/mat-khau")

    assert response.status_code == 303
    assert response.headers["Location"] == "/bai-hoc/mat-khau"
    assert 'class="chu-1"' in client.get("/bai-hoc/mat-khau").get_data(as_text=True)


def test_text_size_stops_at_the_largest_and_the_smallest(client):
    for _ in range(9):
        client.get("/hien-thi?chu=to")
    largest = client.get("/").get_data(as_text=True)
    for _ in range(9):
        client.get("/hien-thi?chu=nho")

    assert 'class="chu-4"' in largest
    assert 'class="chu-0"' in client.get("/").get_data(as_text=True)


def test_high_contrast_is_kept_with_the_text_size(client):
    client.get("/hien-thi?chu=to")
    client.get("/hien-thi?mau=cao")

    assert 'class="chu-1 tuong-phan"' in client.get("/").get_data(as_text=True)


def test_the_controls_come_back_to_the_same_page_and_query_with_the_settings_open(client):
    html = client.get("/tim-kiem?q=mat+khau").get_data(as_text=True)

    assert 'href="/hien-thi?tiep=/tim-kiem?q%3Dmat%2Bkhau%23hien-thi&amp;chu=to"' in html
    assert 'id="hien-thi"' in html


def test_a_change_from_the_header_goes_back_to_the_open_settings(client):
    back = {"chu": "to", "tiep": "/bai-hoc/mat-khau#hien-thi"}

    response = client.get("/hien-thi", query_string=back)

    assert response.headers["Location"] == "/bai-hoc/mat-khau#hien-thi"


def test_search_and_display_settings_sit_behind_one_control_each(client):
    html = client.get("/bai-hoc/mat-khau").get_data(as_text=True)
    header = html[html.index('<header class="site">') : html.index("</header>")]

    assert header.count("<details") == 2
    assert header.index("<summary>") < header.index('role="search"')
    assert header.rindex("<summary>") < header.index('aria-label="Cỡ chữ và màu"')


def test_it_never_sends_the_reader_to_another_site(client):
    for target in ["https://evil.example/", "//evil.example/", "/\\evil.example"]:
        response = client.get("/hien-thi", query_string={"chu": "to", "tiep": target})

        assert response.headers["Location"] == "/"


def test_a_broken_cookie_means_the_defaults(client):
    client.set_cookie("hien_thi", "99-x")

    assert 'class="chu-0"' in client.get("/").get_data(as_text=True)


def test_pages_that_depend_on_the_cookie_say_so_to_caches(client):
    assert "Cookie" in client.get("/").headers["Vary"]
