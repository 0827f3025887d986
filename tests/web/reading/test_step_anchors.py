"""A failed item's link lands on the step that teaches it: each step heading carries its name."""


def test_the_lesson_page_carries_each_step_name_as_an_anchor(client):
    page = client.get("/bai-hoc/mat-khau").get_data(as_text=True)

    assert 'id="buoc-khong-dua-mat-khau"' in page
    assert "{#" not in page
