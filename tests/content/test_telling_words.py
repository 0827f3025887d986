"""A certification item whose pictures' file names or alt texts carry "thật"/"giả" (and the
like) on some choices only is refused by `trainer check`; neutral ones pass."""

from pathlib import Path

from click.testing import CliRunner

from tests.content.test_bank_rules import item_line, rewrite
from trainer.cli import cli
from trainer.content.catalog import load_catalog
from trainer.content.model import Problem

BANK = Path("quizzes/an-toan.yaml")


def copy_picture(content: Path, old: str, new: str) -> None:
    """The certification item's first use of old points at a copy named new."""
    folder = content / "media/an-toan"
    (folder / new).write_bytes((folder / old).read_bytes())
    rewrite(
        content,
        (f"- image: an-toan/{old}\n        alt: Một", f"- image: an-toan/{new}\n        alt: Một"),
    )


def test_a_picture_file_named_that_on_one_choice_only_is_refused(content):
    copy_picture(content, "o-khoa.svg", "o-khoa-that.svg")

    catalog, problems = load_catalog(content)

    assert problems == [
        Problem(
            BANK,
            item_line(content, "chon-hinh"),
            "item `chon-hinh`: its choices' picture file names differ in «that», which tells "
            "the right choice apart without studying; describe what each picture shows instead",
        )
    ]
    assert "chon-hinh" not in {item.id for item in catalog.quizzes["an-toan"].items}


def test_an_alt_text_saying_gia_on_one_choice_only_is_refused_by_trainer_check(content):
    rewrite(content, ("alt: Bàn tay che màn hình", "alt: Bàn tay che màn hình giả"))

    result = CliRunner().invoke(cli, ["check", "--content", str(content)])

    assert result.exit_code == 1
    assert "alt texts differ in «giả»" in result.output


def test_a_word_that_only_looks_telling_without_its_diacritics_passes(content):
    rewrite(content, ("alt: Bàn tay che màn hình", "alt: Bàn tay dùng lá lúa che màn hình"))

    _, problems = load_catalog(content)

    assert problems == []


def test_the_same_telling_word_on_every_choice_tells_nothing_and_passes(content):
    rewrite(
        content,
        ("alt: Bàn tay che màn hình", "alt: Ảnh thật, bàn tay che màn hình"),
        ("alt: Một ổ khóa\n    answer: 1", "alt: Ảnh thật, một ổ khóa\n    answer: 1"),
    )

    _, problems = load_catalog(content)

    assert problems == []
