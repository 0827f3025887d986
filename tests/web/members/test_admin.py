from __future__ import annotations

import io

import pytest
import sqlalchemy as sa
from werkzeug.datastructures import FileStorage
from werkzeug.test import encode_multipart

from tests.factories import make_team, make_user, windows_vietnamese
from tests.forms import post_form, token_from
from trainer.models import Team, User


@pytest.fixture
def admin(session, login):
    user = make_user(session, "Quản trị An", "quantri", role="admin")
    login("quantri")
    return user


def test_an_admin_creates_a_team_and_lands_on_its_page(client, session, admin):
    data = {
        "name": "Tổ CNSCĐ-Xã Mường Phăng",
        "commune": "Xã Mường Phăng",
        "province": "Điện Biên",
    }

    response = post_form(client, "/quan-tri/to-moi", data, follow_redirects=True)

    page = response.get_data(as_text=True)
    assert "Đã tạo Tổ CNSCĐ-Xã Mường Phăng." in page
    assert "Xã Mường Phăng, Điện Biên" in page
    assert session.scalar(sa.select(Team.name)) == "Tổ CNSCĐ-Xã Mường Phăng"


def test_a_team_without_its_commune_is_refused_keeping_the_name(client, session, admin):
    response = post_form(client, "/quan-tri/to-moi", {"name": "Tổ CNSCĐ-Xã Nà Tấu"})

    page = response.get_data(as_text=True)
    assert "Hãy ghi tên xã hoặc phường." in page
    assert 'value="Tổ CNSCĐ-Xã Nà Tấu"' in page
    assert session.scalar(sa.select(sa.func.count()).select_from(Team)) == 0


def test_an_admin_imports_members_from_a_csv_file_and_sees_their_temporary_passwords(
    client, session, admin
):
    make_team(session)
    csv = "ho_ten,so_dien_thoai,to\nQuàng Văn Hùng,0912345678,Tổ CNSCĐ-Xã Mường Phăng\n"
    file = (io.BytesIO(csv.encode()), "thanh-vien.csv")

    response = post_form(client, "/quan-tri/nhap", {"kind": "members", "file": file})

    page = response.get_data(as_text=True)
    assert "Đã nhập 1 thành viên." in page and "Mật khẩu tạm" in page
    assert session.scalar(sa.select(User.phone).where(User.role == "member")) == "0912345678"


def test_a_csv_with_a_bad_row_lists_its_line_and_imports_nothing(client, session, admin):
    csv = "ten_to,xa_phuong\nTổ A,Xã A\n,Xã B\n"
    file = (io.BytesIO(csv.encode()), "to.csv")

    response = post_form(client, "/quan-tri/nhap", {"kind": "teams", "file": file})

    page = response.get_data(as_text=True)
    assert "Chưa nhập dòng nào" in page and "Dòng 3: hãy ghi tên tổ." in page
    assert session.scalar(sa.select(sa.func.count()).select_from(Team)) == 0


def test_a_spreadsheet_over_2_mb_is_refused_with_a_message_and_imports_nothing(
    client, session, admin
):
    rows = "".join(f"Tổ {n},Xã {n}\n" for n in range(110_000))  # about 2.2 MB
    token = token_from(client.get("/quan-tri/nhap").get_data(as_text=True))
    # The body is encoded here: the test client would spool one this large to a temporary
    # file that it never closes.
    boundary, body = encode_multipart(
        {"csrf_token": token, "kind": "teams", "file": FileStorage(
            io.BytesIO(f"ten_to,xa_phuong\n{rows}".encode()), "to.csv"
        )}
    )  # fmt: skip

    response = client.post(
        "/quan-tri/nhap", data=body, content_type=f"multipart/form-data; boundary={boundary}"
    )

    assert "Tệp lớn quá 2 MB. Hãy chia thành nhiều tệp." in response.get_data(as_text=True)
    assert session.scalar(sa.select(sa.func.count()).select_from(Team)) == 0


@pytest.mark.parametrize(
    ("encoding", "shown"),
    [("cp1258", "Đã nhập 1 tổ."), ("utf-8", "Dòng 2: có chữ không đọc được bằng bảng mã UTF-8.")],
)
def test_a_file_from_old_excel_imports_when_its_encoding_is_chosen_and_is_never_guessed(
    client, session, admin, encoding, shown
):
    csv = windows_vietnamese("ten_to;xa_phuong\nTổ Him Lam;Phường Him Lam\n")
    file = (io.BytesIO(csv), "to.csv")

    page = post_form(
        client, "/quan-tri/nhap", {"kind": "teams", "encoding": encoding, "file": file}
    ).get_data(as_text=True)

    assert shown in page


def test_an_admin_promotes_a_member_to_instructor(client, session, admin):
    member = make_user(session, "Lò Thị Lan", "lan")

    response = post_form(
        client,
        f"/quan-tri/tai-khoan/{member.id}/vai-tro",
        {"role": "instructor"},
        page="/quan-tri/tai-khoan",
        follow_redirects=True,
    )

    assert "Lò Thị Lan giờ là giảng viên." in response.get_data(as_text=True)
    session.refresh(member)
    assert member.role == "instructor"


def test_an_admin_gives_a_team_to_an_instructor_who_then_sees_it(client, session, admin, login):
    team = make_team(session)
    make_user(session, "Lò Văn Mai", "mai", role="instructor")
    mai_id = session.scalar(sa.select(User.id).where(User.username == "mai"))

    post_form(
        client,
        f"/quan-tri/to/{team.id}/giang-vien",
        {"instructor": mai_id},
        page=f"/to/{team.id}",
    )
    login.logout()
    login("mai")

    assert team.name in client.get("/to/").get_data(as_text=True)


def test_a_locked_account_cannot_sign_in_and_is_told_why_until_unlocked(
    client, session, admin, login
):
    member = make_user(session, "Lò Thị Lan", "lan")
    lock = f"/quan-tri/tai-khoan/{member.id}/khoa"
    post_form(client, lock, {"active": "0"}, page="/quan-tri/tai-khoan")
    login.logout()

    refused = login("lan").get_data(as_text=True)
    login("quantri")
    post_form(client, lock, {"active": "1"}, page="/quan-tri/tai-khoan")
    login.logout()

    assert "Tài khoản này đang bị khóa." in refused
    assert login("lan").status_code == 302


def test_an_admin_takes_a_team_away_from_an_instructor(client, session, admin, login):
    team = make_team(session)
    make_user(session, "Lò Văn Mai", "mai", role="instructor", manages=[team])
    mai_id = session.scalar(sa.select(User.id).where(User.username == "mai"))

    post_form(client, f"/quan-tri/to/{team.id}/giang-vien/{mai_id}/bo", {}, page=f"/to/{team.id}")
    login.logout()
    login("mai")

    assert team.name not in client.get("/to/").get_data(as_text=True)
    assert client.get(f"/to/{team.id}").status_code == 404


def test_an_admin_moves_a_member_to_another_team(client, session, admin):
    phang = make_team(session)
    thanh = make_team(session, "Tổ CNSCĐ-Xã Thanh Nưa", "Xã Thanh Nưa")
    member = make_user(session, "Lò Thị Lan", "lan", team=phang)

    response = post_form(
        client,
        f"/quan-tri/tai-khoan/{member.id}/to",
        {"team": thanh.id},
        page="/quan-tri/tai-khoan",
        follow_redirects=True,
    )

    assert "Lò Thị Lan giờ thuộc Tổ CNSCĐ-Xã Thanh Nưa." in response.get_data(as_text=True)
    session.refresh(member)
    assert member.team_id == thanh.id
