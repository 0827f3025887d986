"""The README documents every setting and every command the code has."""

from pathlib import Path

from trainer.cli import cli
from trainer.config import Defaults

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_in_the_readme():
    settings = [name for name in vars(Defaults) if name.isupper()]

    assert [name for name in settings if f"TRAINER_{name}" not in README] == []


def test_every_command_is_in_the_readme():
    assert [name for name in cli.commands if f"`trainer {name}`" not in README] == []


def test_the_readme_starts_with_the_two_commands():
    quick_start = README.split("## Quick start", 1)[1]

    assert quick_start.index("make run") < quick_start.index("make test") < quick_start.index("##")
