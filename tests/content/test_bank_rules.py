"""Each rule against a guessable bank: a fixture bank that breaks it, and the exact message."""

from pathlib import Path

from click.testing import CliRunner

from tests.factories import line_of, write_lesson
from trainer.cli import cli
from trainer.content.catalog import bank_warnings, load_catalog
from trainer.content.model import Problem

BANK = Path("quizzes/an-toan.yaml")


def rewrite(content: Path, *changes: tuple[str, str]) -> None:
    path = content / BANK
    text = path.read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def item_line(content: Path, item_id: str) -> int:
    return line_of(content, BANK, f"id: {item_id}")


def test_the_shipped_test_bank_passes_every_rule(content):
    catalog, problems = load_catalog(content)

    assert problems == []
    assert "an-toan" in catalog.quizzes


def test_right_choices_that_are_mostly_the_longest_are_reported_item_by_item(content):
    rewrite(content, ("- Không bấm, xóa tin nhắn", "- Không bấm link, xóa tin nhắn ngay đi"))

    catalog, problems = load_catalog(content)

    reason = (
        "the right choice is the longest, as in 3 of 5 single items (more than 40 %); "
        "a guesser who picks the longest choice would pass. "
        "Make a wrong choice as long, or the right one shorter"
    )
    assert problems == [
        Problem(BANK, item_line(content, item), f"item `{item}`: {reason}")
        for item in ("otp-ai-hoi", "link-trung-thuong", "ngan-hang-goi")
    ]
    assert "an-toan" not in catalog.quizzes


def test_right_choices_that_are_mostly_the_shortest_are_reported(content):
    rewrite(
        content,
        ("- Bác tự gõ, bạn quay mặt đi", "- Bác tự gõ"),
        ("- Không bấm, xóa tin nhắn", "- Không bấm"),
    )

    _, problems = load_catalog(content)

    assert [str(problem) for problem in problems] == [
        f"quizzes/an-toan.yaml:{item_line(content, item)}: item `{item}`: the right choice is "
        "the shortest, as in 3 of 5 single items (more than 40 %); a guesser who picks the "
        "shortest choice would pass. Make a wrong choice as long, or the right one shorter"
        for item in ("dat-mat-khau-ho", "link-trung-thuong", "ma-dang-nhap-la")
    ]


def test_true_false_items_that_all_say_the_same_are_reported(content):
    rewrite(content, ("    answer: true\n", "    answer: false\n"))

    _, problems = load_catalog(content)

    assert problems == [
        Problem(
            BANK,
            item_line(content, item),
            f"item `{item}`: answer `false`, like 2 of 2 true_false items (more than 65 %); "
            "a guesser who always answers Sai would pass. Turn some into true statements",
        )
        for item in ("cong-an-goi", "moi-noi-mot-mat-khau")
    ]


def test_a_split_of_one_more_true_than_false_is_allowed(content):
    rewrite(
        content,
        (
            "  - id: mat-khau-tot\n",
            "  - id: mat-khau-dai\n    type: true_false\n"
            "    text: Mật khẩu dài khó đoán hơn mật khẩu ngắn.\n    answer: true\n"
            "    explanation: Dài thì khó đoán.\n    step: mat-khau#dung-cau-dai\n"
            "  - id: mat-khau-tot\n",
        ),
    )

    _, problems = load_catalog(content)

    assert problems == []  # 2 true, 1 false: 67 %, but no closer split exists


def test_fixed_choices_with_the_right_one_always_at_one_place_are_reported(content):
    rewrite(
        content,
        (
            "  - id: dat-mat-khau-ho\n    type: single\n",
            "  - id: dat-mat-khau-ho\n    type: single\n    shuffle: false\n",
        ),
        (
            "  - id: link-trung-thuong\n    type: single\n",
            "  - id: link-trung-thuong\n    type: single\n    shuffle: false\n",
        ),
    )

    _, problems = load_catalog(content)

    assert problems == [
        Problem(
            BANK,
            item_line(content, item),
            f"item `{item}`: the right choice is written at position 2, as in 2 of 2 items "
            "with `shuffle: false` (more than 40 %); move some right choices elsewhere",
        )
        for item in ("dat-mat-khau-ho", "link-trung-thuong")
    ]


def test_an_order_item_cannot_keep_its_written_order(content):
    rewrite(
        content,
        (
            "  - id: thu-tu-xu-ly\n    type: order\n",
            "  - id: thu-tu-xu-ly\n    type: order\n    shuffle: false\n",
        ),
    )

    _, problems = load_catalog(content)

    assert problems == [
        Problem(
            BANK,
            line_of(content, BANK, "shuffle: false"),
            "`shuffle: false` is for single, multiple, picture items; "
            "a `order` item is always shown the same way",
        )
    ]


def test_a_bank_smaller_than_three_draws_is_reported_at_its_draw(content):
    rewrite(content, ("draw: 4", "draw: 5"))

    _, problems = load_catalog(content)

    assert problems == [
        Problem(
            BANK,
            2,
            "the bank has 12 items for a draw of 5: it needs at least 15 (three times the "
            "draw), so a retake meets items it has not seen",
        )
    ]


def test_a_practice_item_that_repeats_a_certification_item_is_reported(content):
    rewrite(
        content,
        ("Công an có thể hỏi mã OTP qua điện thoại.", "Công an hay gọi điện bắt chuyển tiền."),
    )

    _, problems = load_catalog(content)

    assert problems == [
        Problem(
            BANK,
            item_line(content, "luyen-cong-an-hoi-otp"),
            "practice item `luyen-cong-an-hoi-otp` nearly repeats item `cong-an-goi` "
            f"(line {item_line(content, 'cong-an-goi')}): 100% of their words are the same. "
            "Keep one, or ask something else",
        )
    ]


def test_two_certification_items_asking_nearly_the_same_are_reported(content):
    rewrite(
        content,
        (
            "Người xưng nhân viên ngân hàng gọi cho bác, bảo đọc mật khẩu để khóa thẻ. "
            "Bạn dặn bác gì?",
            "Có người gọi tự xưng công an, hỏi mã OTP. Bác làm gì?",
        ),
        ("- Tắt máy, gọi số tổng đài in sau thẻ", "- Tắt máy, không đưa mã OTP"),
    )

    _, problems = load_catalog(content)

    assert [(p.line, p.message.split(":")[0]) for p in problems] == [
        (
            item_line(content, "ngan-hang-goi"),
            "item `ngan-hang-goi` nearly repeats item `otp-ai-hoi` (line 6)",
        )
    ]


def test_an_item_that_repeats_one_in_another_bank_is_reported(content):
    other = content / "quizzes" / "nong-nghiep.yaml"
    other.write_text((content / BANK).read_text(encoding="utf-8"), encoding="utf-8")

    _, problems = load_catalog(content)

    shown = Path("quizzes/nong-nghiep.yaml")
    assert (
        Problem(
            shown,
            item_line(content, "otp-ai-hoi"),
            "item `otp-ai-hoi` nearly repeats item `otp-ai-hoi` of quizzes/an-toan.yaml:6: "
            "100% of their words are the same. Keep one, or ask something else",
        )
        in problems
    )


def test_a_lesson_with_no_items_is_a_warning_that_does_not_fail_the_check(content):
    write_lesson(content, "vi/an-toan/bai-moi.md")

    catalog, problems = load_catalog(content)
    result = CliRunner().invoke(cli, ["check", "--content", str(content)])

    warning = Problem(
        BANK,
        1,
        "warning: lesson `bai-moi` has no items in this bank, so no attempt tests it; "
        "add at least 3 items with `step: bai-moi#…`",
    )
    assert problems == [] and bank_warnings(catalog) == [warning]
    assert result.exit_code == 0
    assert str(warning) in result.output and "No problems, 1 warning(s)." in result.output


def test_a_topic_with_lessons_but_no_bank_is_a_warning_at_its_topic_file(content):
    write_lesson(content, "vi/nong-nghiep/bai-moi.md", topic="nong-nghiep", order=1)

    catalog, problems = load_catalog(content)
    result = CliRunner().invoke(cli, ["check", "--content", str(content)])

    warning = Problem(
        Path("lessons/topics/nong-nghiep.yaml"),
        1,
        "warning: topic `nong-nghiep` has lessons but no question bank, so no member can be "
        "certified in it or open its field guide; add quizzes/nong-nghiep.yaml",
    )
    assert problems == [] and bank_warnings(catalog) == [warning]
    assert result.exit_code == 0
    assert str(warning) in result.output and "No problems, 1 warning(s)." in result.output


def test_a_topic_without_lessons_or_with_a_bank_gets_no_bank_warning(content):
    catalog, _ = load_catalog(content)

    assert "nong-nghiep" not in catalog.banks and not catalog.lessons_in("nong-nghiep")
    assert bank_warnings(catalog) == []


def test_an_item_whose_right_choice_alone_refuses_is_reported_so_caution_alone_never_passes(
    content,
):
    rewrite(content, ("- Tắt máy, gọi lại số vừa gọi", "- Đọc một nửa mật khẩu"))

    catalog, problems = load_catalog(content)

    assert [(p.line, p.message.split(",")[0]) for p in problems] == [
        (
            item_line(content, "ngan-hang-goi"),
            "item `ngan-hang-goi`: the right choice is the only one that refuses or defers",
        )
    ]
    assert "an-toan" not in catalog.quizzes


def test_a_careful_sounding_wrong_choice_lets_a_safety_item_keep_its_refusing_answer(content):
    catalog, problems = load_catalog(content)

    item = next(i for i in catalog.quizzes["an-toan"].items if i.id == "ngan-hang-goi")
    assert problems == []
    assert item.choices[item.answer[0]].text == "Tắt máy, gọi số tổng đài in sau thẻ"
