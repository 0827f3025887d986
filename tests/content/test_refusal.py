from trainer.content.refusal import refuses


def test_a_choice_that_refuses_stops_or_hands_over_is_told_from_one_that_goes_along():
    assert refuses("Tắt máy, không đọc mã")
    assert refuses("Chưa chuyển, gọi lại số vừa gọi")
    assert refuses("Hỏi cán bộ khuyến nông trước")
    assert not refuses("Đọc mã cho họ cho nhanh")
    assert not refuses("Chuyển một nửa, xin họ thư thả")
