from pathlib import Path

from tests.factories import copy_content
from trainer.content.catalog import load_catalog
from trainer.content.model import Problem
from trainer.content.outcomes import FILE, read_outcomes

TOPICS = {"an-toan", "vneid"}


def write(root: Path, text: str) -> Path:
    (root / "lessons").mkdir(parents=True, exist_ok=True)
    (root / FILE).write_text(text, encoding="utf-8")
    return root


def test_outcomes_are_read_per_topic_with_those_of_every_visit_first(tmp_path):
    root = write(
        tmp_path,
        "every_visit:\n  - key: gia-dinh-so\n    title: Gia đình số\n    counts: households\n"
        "topics:\n  vneid:\n    - key: vneid-muc-2\n      title: Mức 2\n",
    )

    outcomes, problems = read_outcomes(root, TOPICS)

    assert problems == []
    assert [o.key for o in outcomes.for_topics(["vneid"])] == ["gia-dinh-so", "vneid-muc-2"]
    assert [o.key for o in outcomes.for_topics(["an-toan"])] == ["gia-dinh-so"]
    assert outcomes.get("gia-dinh-so").counts == "households"
    assert outcomes.get("vneid-muc-2").counts == "residents"


def test_an_outcome_for_an_unknown_topic_is_reported_at_its_line(tmp_path):
    root = write(
        tmp_path, "topics:\n  vneid:\n    - key: a\n      title: A\n  vnied:\n    - key: b\n"
    )

    outcomes, problems = read_outcomes(root, TOPICS)

    assert problems == [Problem(FILE, 5, "no topic `vnied`; topics are: an-toan, vneid")]
    assert [o.key for o in outcomes.all()] == ["a"]


def test_a_key_used_twice_or_kept_for_the_visit_counts_is_refused(tmp_path):
    root = write(
        tmp_path,
        "every_visit:\n  - key: a\n    title: A\n  - key: nguoi-dan\n    title: B\n"
        "topics:\n  vneid:\n    - key: a\n      title: C\n",
    )

    _, problems = read_outcomes(root, TOPICS)

    assert [str(p) for p in problems] == [
        f"{FILE}:4: `nguoi-dan` is kept for a visit's own counts; pick another key",
        f"{FILE}:8: duplicate outcome key `a`",
    ]


def test_a_list_too_long_to_tick_at_a_door_is_refused(tmp_path):
    items = "".join(f"  - key: k{n}\n    title: T{n}\n" for n in range(7))
    root = write(tmp_path, "every_visit:\n" + items)

    _, problems = read_outcomes(root, TOPICS)

    assert [p.message for p in problems] == ["7 outcomes; keep each list to 6"]


def test_trainer_check_reports_a_bad_outcome_file(tmp_path):
    root = copy_content(tmp_path / "content")
    write(root, "every_visit:\n  - key: Gia Dinh\n    title: Gia đình số\n")

    _, problems = load_catalog(root)

    assert [str(p) for p in problems] == [
        f"{FILE}:2: `key` must be lowercase a-z, 0-9 and dashes, like `cai-dat-vneid`"
    ]
