import pytest

from tests.factories import make_team
from tests.services.certification_clock import open_database
from trainer.services.field import villages
from trainer.services.members.accounts import AccountError


@pytest.fixture
def db(tmp_path):
    with open_database(tmp_path / "trainer.sqlite")() as session:
        yield session


@pytest.fixture
def team(db):
    return make_team(db)


def test_a_team_lists_its_villages_by_name(db, team):
    for name in ("Bản Che Căn", "Bản Bua", "  Thôn   Đồng  Tâm "):
        villages.add_village(db, team.id, name)

    names = [village.name for village in villages.villages_of(db, [team.id])]

    assert names == ["Bản Bua", "Bản Che Căn", "Thôn Đồng Tâm"]


def test_a_retired_village_leaves_the_list_and_comes_back_when_added_again(db, team):
    village = villages.add_village(db, team.id, "Bản Bua")
    villages.retire_village(db, team.id, village.id)
    assert villages.villages_of(db, [team.id]) == []

    again = villages.add_village(db, team.id, "Bản Bua")

    assert again.id == village.id and villages.villages_of(db, [team.id]) == [village]


def test_a_village_listed_twice_is_refused(db, team):
    villages.add_village(db, team.id, "Bản Bua")

    with pytest.raises(AccountError, match="đã có “Bản Bua”"):
        villages.add_village(db, team.id, "Bản  Bua")


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("", "Hãy ghi tên"),
        ('=HYPERLINK("x")', "bắt đầu bằng chữ"),
        ("Nhà 0912345678", "số điện thoại"),
        ("x" * 81, "dài quá"),
    ],
)
def test_a_bad_village_name_is_refused_with_the_reason(db, team, name, why):
    with pytest.raises(AccountError, match=why):
        villages.add_village(db, team.id, name)
