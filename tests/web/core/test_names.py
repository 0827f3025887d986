from trainer.web.core.names import short_name


def test_a_short_name_is_shown_whole():
    assert short_name("Lò Thị Lan") == "Lò Thị Lan"


def test_a_long_name_keeps_the_given_name_people_are_called_by():
    assert short_name("Lò Thị Lan Nguyễn Hoàng Phương Thảo") == "Phương Thảo"


def test_one_very_long_word_is_kept_whole():
    assert short_name("Nguyễn Hoàngphươngthảoanh") == "Hoàngphươngthảoanh"
