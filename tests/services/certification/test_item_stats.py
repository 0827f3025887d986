import pytest

from tests.factories import make_team, make_user
from tests.services.certification_clock import Clock, load_quiz, open_database, right_answers
from trainer.services.certification import attempts
from trainer.services.certification.item_stats import collect, item_stats


def attempt(strong: bool, tricky_right: bool) -> dict[str, bool]:
    """One attempt: four ordinary items right when the member is strong, plus "tricky"."""
    return {**{f"q{i}": strong or i == 0 for i in range(4)}, "tricky": tricky_right}


def test_facility_is_the_share_of_attempts_that_got_the_item_right():
    stats = item_stats("an-toan", [attempt(True, True)] * 3 + [attempt(False, False)])

    assert (stats["q1"].seen, stats["q1"].right, stats["q1"].facility) == (4, 3, 0.75)


def test_an_item_strong_members_get_right_discriminates_positively():
    results = [attempt(True, True)] * 6 + [attempt(False, False)] * 6

    stats = item_stats("an-toan", results)

    assert stats["tricky"].discrimination == pytest.approx(1.0)
    assert stats["tricky"].flags == ()


def test_an_item_strong_members_get_wrong_is_flagged_negative():
    results = [attempt(True, False)] * 6 + [attempt(False, True)] * 6

    stats = item_stats("an-toan", results)

    assert stats["tricky"].discrimination < 0
    assert stats["tricky"].flags == ("negative",)


def test_items_almost_everyone_or_almost_no_one_gets_right_are_flagged():
    results = [attempt(True, False)] * 9 + [attempt(False, False)] * 1

    stats = item_stats("an-toan", results)

    assert stats["q0"].flags == ("easy",)  # right in 10 of 10
    assert "hard" in stats["tricky"].flags  # right in 0 of 10


def test_no_flag_and_no_discrimination_before_five_attempts():
    stats = item_stats("an-toan", [attempt(True, False)] * 4)

    assert stats["tricky"].flags == () and stats["tricky"].discrimination is None


def test_collect_reads_every_submitted_attempt_of_the_topic(tmp_path, monkeypatch):
    Clock(monkeypatch)
    quiz = load_quiz()
    with open_database(tmp_path / "trainer.sqlite")() as db:
        team = make_team(db)
        for wrong in (0, 1, 2):
            member = make_user(db, team=team)
            started = attempts.start(db, member.id, quiz)
            attempts.submit(db, member.id, started.token, quiz, right_answers(quiz, started, wrong))
        attempts.start(db, make_user(db, team=team).id, quiz)  # never submitted

        found = collect(db, "an-toan")

    assert list(found) == ["an-toan"]
    assert sum(stat.seen for stat in found["an-toan"].values()) == 3 * quiz.draw
    assert sum(stat.right for stat in found["an-toan"].values()) == 3 * quiz.draw - 3
