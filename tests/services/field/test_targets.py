import pytest
import sqlalchemy as sa

from tests.factories import make_team
from tests.services.certification_clock import open_database
from tests.services.visit_entries import content_outcomes
from trainer.models import Village, VillageTarget
from trainer.services.field import targets, villages
from trainer.services.field.targets_import import import_targets
from trainer.services.members.accounts import AccountError

KNOWN = targets.indicators(content_outcomes())
KEYS = [indicator.key for indicator in KNOWN]


@pytest.fixture
def db(tmp_path):
    with open_database(tmp_path / "trainer.sqlite")() as session:
        yield session


@pytest.fixture
def team(db):
    return make_team(db)


def test_indicators_are_residents_households_then_each_outcome():
    assert KEYS == ["nguoi-dan", "ho-gia-dinh", "gia-dinh-so", "mat-khau-an-toan", "bao-lua-dao"]


def test_an_admin_sets_and_clears_a_villages_targets_for_a_year(db, team):
    village = villages.add_village(db, team.id, "Bản Bua")
    targets.set_targets(db, village.id, 2026, {"nguoi-dan": "1.200", "gia-dinh-so": "40"}, KEYS)

    targets.set_targets(db, village.id, 2026, {"gia-dinh-so": ""}, KEYS)

    assert targets.targets_for(db, [village.id], 2026) == {(village.id, "nguoi-dan"): 1200}


@pytest.mark.parametrize("typed", ["-3", "nhiều", "1000000"])
def test_a_target_that_is_not_a_whole_number_is_refused(db, team, typed):
    village = villages.add_village(db, team.id, "Bản Bua")

    with pytest.raises(AccountError, match="số nguyên"):
        targets.set_targets(db, village.id, 2026, {"nguoi-dan": typed}, KEYS)


def test_targets_import_from_csv_and_add_villages_not_yet_listed(db, team):
    data = (
        "to;thon_ban;nam;nguoi_dan;ho_gia_dinh;gia_dinh_so\n"
        f"{team.name};Bản Che Căn;2026;300;80;25\n"
        f"{team.name};Bản Bua;2026;150;;\n"
    ).encode()

    report = import_targets(db, data, KNOWN)

    assert report.problems == []
    ids = {v.name: v.id for v in db.scalars(sa.select(Village))}
    assert targets.targets_for(db, ids.values(), 2026) == {
        (ids["Bản Che Căn"], "nguoi-dan"): 300,
        (ids["Bản Che Căn"], "ho-gia-dinh"): 80,
        (ids["Bản Che Căn"], "gia-dinh-so"): 25,
        (ids["Bản Bua"], "nguoi-dan"): 150,
    }


def test_a_targets_file_with_a_bad_row_imports_nothing_and_names_each_line(db, team):
    data = (
        "to,thon_ban,nam,nguoi_dan\n"
        f"{team.name},Bản Che Căn,2026,300\n"
        "Tổ không có,Bản Bua,2026,10\n"
        f"{team.name},Bản 0912345678,2026,10\n"
        f"{team.name},Bản Mới,năm nay,10\n"
    ).encode()

    report = import_targets(db, data, KNOWN)

    assert report.problems == [
        "Dòng 3: không có tổ tên “Tổ không có”.",
        "Dòng 4: đây giống số điện thoại. Nhật ký không ghi số điện thoại của người dân.",
        "Dòng 5: năm “năm nay” không hợp lệ.",
    ]
    assert db.scalar(sa.select(sa.func.count()).select_from(VillageTarget)) == 0
    assert db.scalar(sa.select(sa.func.count()).select_from(Village)) == 0


def test_an_unknown_indicator_column_is_named_with_the_ones_that_exist(db, team):
    report = import_targets(db, b"to,thon_ban,nam,tai_khoan_smart\n", KNOWN)

    assert report.problems[0].startswith("Dòng 1: không có chỉ tiêu “tai_khoan_smart”")
    assert "nguoi_dan, ho_gia_dinh, gia_dinh_so" in report.problems[0]
