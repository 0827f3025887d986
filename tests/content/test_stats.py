from click.testing import CliRunner

from tests.factories import write_lesson
from trainer.cli import cli
from trainer.content.stats import collect, render
from trainer.speech import manifest
from trainer.speech.manifest import Manifest, Track

LONG_STEP = """
Mở đầu ngắn.

## Một bước quá dài

{words}
""".format(words=" ".join(["chữ"] * 45))


def row(stats, topic, language):
    return next(r for r in stats.lessons if (r.topic, r.language) == (topic, language))


def test_counts_lessons_steps_and_words_per_step_for_each_topic_and_language(content):
    stats = collect(content)

    vietnamese, hmong = row(stats, "an-toan", "vi"), row(stats, "an-toan", "hmn")
    assert (vietnamese.lessons, vietnamese.steps) == (2, 3)
    assert (vietnamese.median_words, vietnamese.max_words) == (8, 9)
    assert (hmong.lessons, hmong.steps) == (1, 2)
    assert vietnamese.over_limit == vietnamese.without_picture == vietnamese.held_back == 0


def test_a_long_step_without_a_picture_is_counted_even_though_check_holds_its_lesson_back(
    content,
):
    write_lesson(content, body=LONG_STEP)

    vietnamese = row(collect(content), "an-toan", "vi")

    assert vietnamese.lessons == 3
    assert (vietnamese.over_limit, vietnamese.without_picture, vietnamese.held_back) == (1, 1, 1)
    assert vietnamese.max_words == 45


def test_a_picture_whose_file_is_missing_counts_as_no_picture(content):
    (content / "media" / "an-toan" / "ban-tay.png").unlink()

    stats = collect(content)

    assert row(stats, "an-toan", "vi").without_picture == 1
    assert row(stats, "an-toan", "hmn").without_picture == 1


def test_audio_is_unknown_without_a_manifest(content, tmp_path):
    stats = collect(content, manifest.built(tmp_path / "audio"))

    assert not stats.audio_known
    assert row(stats, "an-toan", "vi").without_audio is None
    assert "unknown" in "\n".join(render(stats))


def test_steps_missing_from_the_audio_manifest_are_counted(content, tmp_path):
    folder = tmp_path / "audio"
    folder.mkdir()
    track = Track("a.mp3", "espeak", 2.0, 4000)
    Manifest(clips={"mat-khau/vi/1": {"normal": track}, "mat-khau/hmn/2": {"normal": track}}).save(
        folder
    )

    stats = collect(content, manifest.built(folder))

    assert stats.audio_known
    assert row(stats, "an-toan", "vi").without_audio == 2
    assert row(stats, "an-toan", "hmn").without_audio == 1


def test_question_banks_are_counted_by_item_type_and_topics_without_one_are_named(content):
    stats = collect(content)

    (bank,) = stats.banks
    assert bank.topic == "an-toan"
    assert bank.items == 12
    assert bank.by_type == {"single": 5, "multiple": 2, "true_false": 2, "order": 2, "picture": 1}
    assert (bank.draw, bank.pass_mark, bank.practice) == (4, 80, 4)
    assert (bank.scenarios, bank.longest_right, bank.shortest_right) == (2 / 12, 2 / 5, 1 / 5)
    assert stats.topics_without_bank == ["nong-nghiep"]


def test_the_command_prints_both_tables(content, tmp_path):
    result = CliRunner().invoke(
        cli, ["content-stats", "--content", str(content), "--build", str(tmp_path)]
    )

    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(line.split()[:4] == ["an-toan", "vi", "2", "3"] for line in lines)
    assert any(
        line.split()
        == ["an-toan", "12", "5", "2", "2", "2", "1", "4", "80%", "4", "17%", "40%", "20%"]
        for line in lines
    )
    assert "Steps over 40 words: 0. Steps without a picture: 0." in result.output
    assert "syllables, picture text under 12 px): 0." in result.output


MEASURED = """
Mở đầu ngắn.

## Một bước có hộp

{sentence}

![Một ổ khóa](an-toan/o-khoa.svg)

::: careful
{box}
:::
""".format(sentence=" ".join(["chữ"] * 22) + ".", box=". ".join(["Không bấm"] * 15) + ".")


def test_words_with_boxes_longest_sentence_and_smallest_picture_text_are_measured(content):
    (content / "media" / "an-toan" / "o-khoa.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 300">'
        '<text font-size="10">Nhỏ</text></svg>',
        encoding="utf-8",
    )
    write_lesson(content, body=MEASURED)

    vietnamese = row(collect(content), "an-toan", "vi")

    assert vietnamese.max_words_with_boxes == 22 + 30
    assert vietnamese.longest_sentence == 22
    assert vietnamese.smallest_text_px == 8.1  # 10 × 324 / 400
    # over 50 with boxes, a sentence over 20, and three steps showing the 8.1 px picture
    assert vietnamese.violations == 5


def test_the_shipped_style_tree_has_no_violations(content):
    stats = collect(content)

    assert [r.violations for r in stats.lessons] == [0] * len(stats.lessons)
    assert "): 0." in "\n".join(render(stats))


def test_the_command_prints_each_guessers_pass_rate_per_bank(content, tmp_path):
    result = CliRunner().invoke(
        cli,
        ["content-stats", "--content", str(content), "--build", str(tmp_path), "--trials", "30"],
    )

    assert result.exit_code == 0, result.output
    odds = result.output.split("Share of attempts passed")[1].splitlines()
    header, bank = odds[1].split(), odds[2].split()
    assert header[0] == "topic" and "refusing" in header and "random" in header
    assert bank[0] == "an-toan" and all(cell.endswith("%") for cell in bank[1:])


def test_the_items_linking_to_each_lesson_step_are_counted(content):
    stats = collect(content)

    counts = {(s.lesson, s.number, s.name): (s.items, s.practice) for s in stats.steps}

    assert counts == {
        ("mat-khau", 1, "dung-cau-dai"): (3, 2),
        ("mat-khau", 2, "khong-dua-mat-khau"): (4, 0),
        ("lua-dao", 1, "cuoc-goi-la"): (5, 2),
    }
