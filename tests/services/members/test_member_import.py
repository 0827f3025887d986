from __future__ import annotations

import pytest
import sqlalchemy as sa

from tests.factories import make_team, make_user, windows_vietnamese
from trainer.extensions import db
from trainer.models import Commune, Team, User
from trainer.services.members.member_import import import_members, import_teams

TEAMS = """ten_to,xa_phuong,huyen,tinh
Tổ CNSCĐ-Xã Mường Phăng,Xã Mường Phăng,Huyện Điện Biên,Điện Biên
Tổ CNSCĐ-Xã Thanh Nưa,Xã Thanh Nưa,Huyện Điện Biên,Điện Biên
"""


@pytest.fixture
def session(app):
    """The app's own kind of session (one transaction until commit or rollback)."""
    with db.sessionmaker(app)() as session:
        yield session


def count(session, model) -> int:
    return session.scalar(sa.select(sa.func.count()).select_from(model))


def test_teams_are_created_with_their_communes(session):
    report = import_teams(session, TEAMS.encode())

    assert report.problems == []
    assert report.created == ["Tổ CNSCĐ-Xã Mường Phăng", "Tổ CNSCĐ-Xã Thanh Nưa"]
    assert count(session, Team) == 2 and count(session, Commune) == 2


def test_a_bad_row_is_reported_by_line_and_nothing_is_imported(session):
    text = TEAMS + ",Xã Nà Tấu,Huyện Điện Biên,Điện Biên\nTổ CNSCĐ-Xã Thanh Nưa,Xã Thanh Nưa,,\n"

    report = import_teams(session, text.encode())

    assert report.problems == [
        "Dòng 4: hãy ghi tên tổ.",
        "Dòng 5: tên tổ “Tổ CNSCĐ-Xã Thanh Nưa” lặp lại trong tệp.",
    ]
    assert report.created == [] and count(session, Team) == 0 and count(session, Commune) == 0


def test_a_team_that_already_exists_is_reported(session):
    make_team(session)

    report = import_teams(session, TEAMS.encode())

    assert report.problems == ["Dòng 2: đã có tổ tên “Tổ CNSCĐ-Xã Mường Phăng”."]
    assert count(session, Team) == 1


def test_excel_semicolons_and_windows_vietnamese_encoding_are_understood_when_claimed(session):
    text = (
        "Tên tổ;Xã/phường;Huyện;Tỉnh\n"
        "Tổ CNSCĐ-Phường Him Lam;Phường Him Lam;TP Điện Biên Phủ;Điện Biên\n"
    )

    report = import_teams(session, windows_vietnamese(text), encoding="cp1258")

    assert report.problems == []
    assert session.scalar(sa.select(Team.name)) == "Tổ CNSCĐ-Phường Him Lam"


def test_a_missing_column_is_named(session):
    report = import_teams(session, "ten_to\nTổ A\n".encode())

    assert report.problems == ["Dòng 1: thiếu cột xa_phuong."]


def test_members_join_named_teams_and_get_a_temporary_password_when_none_is_given(session):
    make_team(session)
    text = (
        "ho_ten,ten_dang_nhap,so_dien_thoai,to,mat_khau\n"
        "Lò Thị Lan,lan.lo,,Tổ CNSCĐ-Xã Mường Phăng,mat-khau-rieng\n"
        "Quàng Văn Hùng,,0912 345 678,Tổ CNSCĐ-Xã Mường Phăng,\n"
    )

    report = import_members(session, text.encode())

    assert report.problems == []
    [(name, login, password)] = report.passwords
    assert (name, login, len(password)) == ("Quàng Văn Hùng", "0912345678", 10)
    users = session.scalars(sa.select(User).order_by(User.full_name)).all()
    assert [(u.full_name, u.username, u.phone) for u in users] == [
        ("Lò Thị Lan", "lan.lo", None),
        ("Quàng Văn Hùng", None, "0912345678"),
    ]
    assert all(u.team.name == "Tổ CNSCĐ-Xã Mường Phăng" for u in users)


def test_member_rows_with_unknown_teams_or_taken_names_import_nothing(session):
    make_user(session, username="lan.lo", team=make_team(session))
    text = (
        "ho_ten,ten_dang_nhap,to\n"
        "Lò Văn Minh,minh,Tổ CNSCĐ-Xã Mường Phăng\n"
        "Lò Thị Lan,lan.lo,Tổ CNSCĐ-Xã Mường Phăng\n"
        "Cà Văn Sơn,son,Tổ Không Có\n"
    )

    report = import_members(session, text.encode())

    assert report.problems == [
        "Dòng 3: tên đăng nhập này đã có người dùng. Hãy chọn tên khác.",
        "Dòng 4: không có tổ tên “Tổ Không Có”. Hãy tạo tổ trước.",
    ]
    assert count(session, User) == 1


def test_excels_doubled_quotes_are_one_quote_and_the_comma_inside_stays_in_its_cell(session):
    text = 'ten_to,xa_phuong,huyen\n"Tổ ""Hoa Ban"", bản Mường",Xã Mường Phăng,Huyện Điện Biên\n'

    report = import_teams(session, text.encode())

    assert report.problems == []
    team = session.scalar(sa.select(Team))
    assert (team.name, team.commune.name, team.commune.district) == (
        'Tổ "Hoa Ban", bản Mường',
        "Xã Mường Phăng",
        "Huyện Điện Biên",
    )


@pytest.mark.parametrize(
    "text",
    [
        "ten_to,xa_phuong\rTổ A,Xã A\rTổ B,Xã B\r",
        "ten_to,xa_phuong\r\nTổ A,Xã A\r\r\nTổ B,Xã B",
        "ten_to,xa_phuong\nTổ A,Xã A\r\nTổ B,Xã B\r",
        'ten_to,xa_phuong\r"Tổ A",Xã A\r"Tổ B",Xã B\r\n',
    ],
    ids=["old Mac endings", "a stray CR", "mixed endings", "quoted"],
)
def test_any_line_ending_excel_or_an_old_mac_writes_is_read(session, text):
    report = import_teams(session, text.encode())

    assert report.problems == [] and report.created == ["Tổ A", "Tổ B"]


def test_a_quoted_cell_may_hold_a_line_break_and_later_lines_keep_their_numbers(session):
    text = 'ten_to,xa_phuong\n"Tổ A\nbản Mường",Xã A\nTổ B,\n'

    report = import_teams(session, text.encode())

    assert report.problems == ["Dòng 4: hãy ghi tên xã hoặc phường."]


def test_a_cell_over_128_kb_is_refused_by_its_line(session):
    text = 'ten_to,xa_phuong\nTổ A,Xã A\nTổ B,"Xã B\n' + "x" * 140_000 + "\n"

    report = import_teams(session, text.encode())

    assert report.problems == ["Dòng 3: có ô dài quá 128 KB; hãy xem lại dấu ngoặc kép."]
    assert count(session, Team) == 0


def test_one_windows_byte_in_a_utf8_file_is_refused_naming_its_line_not_guessed(session):
    data = "ten_to,xa_phuong\nTổ A,Xã A\n".encode() + windows_vietnamese("Lò Thị Lan,Xã B\n")

    report = import_teams(session, data)

    assert report.problems == [
        "Dòng 3: có chữ không đọc được bằng bảng mã UTF-8. Trong Excel, hãy lưu tệp bằng "
        "“CSV UTF-8”, hoặc chọn bảng mã Windows khi nhập."
    ]
    assert count(session, Team) == 0


def test_a_byte_windows_vietnamese_does_not_have_is_refused_naming_its_line(session):
    data = "ten_to,xa_phuong\r\nTo A,Xa A\r\n".encode("cp1258") + b"To \x81,Xa B\r\n"

    report = import_teams(session, data, encoding="cp1258")

    assert report.problems[0].startswith("Dòng 3: có chữ không đọc được bằng bảng mã Windows")


def test_a_utf8_bom_says_utf8_whatever_encoding_was_chosen(session):
    data = "\ufefften_to,xa_phuong\nTổ Mường Phăng,Xã Mường Phăng\n".encode()

    report = import_teams(session, data, encoding="cp1258")

    assert report.created == ["Tổ Mường Phăng"]


def test_a_file_with_more_members_than_one_import_hashes_is_refused_before_any_hashing(
    session, monkeypatch
):
    make_team(session)
    rows = "".join(f"Lò Văn {n},nguoi.{n:04d},Tổ CNSCĐ-Xã Mường Phăng\n" for n in range(2000))
    hashed = []
    monkeypatch.setattr(
        "trainer.services.members.passwords.hash_many", lambda many: hashed.append(len(many))
    )

    report = import_members(session, ("ho_ten,ten_dang_nhap,to\n" + rows).encode())

    assert report.problems == [
        "Tệp có 2000 thành viên; mỗi lần nhập tối đa 300. Hãy chia thành nhiều tệp."
    ]
    assert hashed == [] and count(session, User) == 0
