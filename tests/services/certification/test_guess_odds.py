"""The refusing guesser passes a bank whose wrong choices are all reckless, and only that."""

from pathlib import Path

from trainer.content.model import Choice, Item, Quiz
from trainer.services.certification.guess_odds import bank_odds


def bank(wrong: str) -> Quiz:
    items = tuple(
        Item(
            id=f"cau-{n}",
            type="single",
            text=f"Người lạ gọi lần {n}, hỏi mã. Bạn làm gì?",
            choices=(Choice("Đọc mã cho họ"), Choice("Tắt máy, không đọc mã"), Choice(wrong)),
            answer=(1,),
            explanation="Không ai được hỏi mã.",
            lesson=f"bai-{n % 3}",
            step_name="khong-doc-ma",
        )
        for n in range(12)
    )
    return Quiz(topic="an-toan", pass_mark=80, draw=4, items=items, path=Path("q.yaml"))


def test_the_refusing_guesser_passes_when_only_the_right_choice_refuses():
    odds = bank_odds(bank("Chuyển tiền cho họ"), trials=200)

    assert odds["refusing"] == 1.0
    assert odds["random"] < 0.1


def test_a_careful_sounding_wrong_choice_stops_the_refusing_guesser():
    odds = bank_odds(bank("Tắt máy, gọi lại số vừa gọi"), trials=200)

    assert odds["refusing"] < 0.2
    assert odds["studied 90 %"] > 0.5
