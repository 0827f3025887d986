"""A tour of every page type, each opened by the person who uses it: a reader without an
account, a member at residents' doors, their instructor and an admin. One of each is made
here with what their pages show (a pass and a failed attempt, a certificate, a visit, a
village, a recorded voice queue), so no page is seen empty only."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import sqlalchemy as sa

from tests.factories import PASSWORD, make_team, make_user
from tests.services.certification_clock import Clock, load_quiz, right_answers
from tests.services.visit_entries import entry
from trainer.content.catalog import load_catalog
from trainer.models import Certificate
from trainer.services.certification import attempts
from trainer.services.field import villages, visits

# A web address as lessons write them, longer than a 360 px phone at the largest text size.
LONG_ADDRESS = "https://dichvucong.gov.vn/p/home/dvc-huong-dan-dang-ky-tai-khoan-dinh-danh.html"


@dataclass
class Tour:
    """Pages by who opens them: None is a reader without an account."""

    pages: dict[str | None, list[tuple[str, str]]] = field(default_factory=dict)

    def all(self) -> list[tuple[str | None, str, str]]:
        return [(who, name, path) for who, pages in self.pages.items() for name, path in pages]


def with_long_address(content) -> None:
    """Put a long web address in a lesson's summary and first step, as shipped lessons do."""
    lesson = content / "lessons/vi/an-toan/mat-khau.md"
    text = lesson.read_text(encoding="utf-8")
    text = re.sub(r"^summary: (.*)$", rf"summary: \1 Xem {LONG_ADDRESS}", text, count=1, flags=re.M)
    lesson.write_text(text.replace("\n## ", f"\nHỏi thêm ở {LONG_ADDRESS}.\n\n## ", 1), "utf-8")


def people_and_pages(session, content, monkeypatch) -> Tour:
    """Make the people and what their pages show; return every page type by who opens it."""
    team = make_team(session, "Tổ Công nghệ số cộng đồng Xã Mường Phăng Huyện Điện Biên")
    che_can = villages.add_village(session, team.id, "Bản Che Căn")
    villages.add_village(session, team.id, "Bản Bua")
    lan = make_user(session, "Lò Thị Lan Nguyễn Hoàng Phương Thảo", "lan", team=team)
    pao = make_user(session, "Lò Văn Páo", "pao", team=team)
    make_user(session, "Giảng viên Mai", "mai", role="instructor", manages=[team])
    make_user(session, "Quản trị An", "quantri", role="admin")
    quiz, clock = load_quiz(), Clock(monkeypatch)
    failed = attempts.start(session, lan.id, quiz)
    attempts.submit(session, lan.id, failed.token, quiz, right_answers(quiz, failed, wrong=2))
    clock.forward(hours=13)
    passed = attempts.start(session, lan.id, quiz)
    attempts.submit(session, lan.id, passed.token, quiz, right_answers(quiz, passed))
    code = session.scalar(sa.select(Certificate.code))
    outcomes = load_catalog(content)[0].outcomes
    today = str(clock.moment.date())
    visit = visits.record(session, lan.id, entry(che_can, visited_on=today),
                          outcomes, {"an-toan": "An toàn trên mạng"})  # fmt: skip
    open_attempt = attempts.start(session, pao.id, quiz)
    return Tour(
        {
            None: [
                ("trang chủ", "/"),
                ("chủ đề", "/chu-de/an-toan"),
                ("bài học", "/bai-hoc/mat-khau"),
                ("bài học H'Mông", "/bai-hoc/mat-khau?lang=hmn"),
                ("nghe cả bài", "/bai-hoc/mat-khau/nghe"),
                ("tờ hướng dẫn in", "/bai-hoc/mat-khau/in"),
                ("tìm kiếm", "/tim-kiem?q=mat+khau"),
                ("trình chiếu", "/bai-hoc/mat-khau/trinh-chieu"),
                ("vào trình chiếu bằng mã", "/trinh-chieu"),
                ("đố vui cả lớp", "/chu-de/an-toan/do-vui-ca-lop"),
                ("câu đố vui có đáp án", "/chu-de/an-toan/do-vui-ca-lop/2?dap-an=1"),
                ("vào đố vui bằng điện thoại", "/vui"),
                ("xác minh", "/xac-minh"),
                ("giấy xác minh", f"/xac-minh/{code}"),
                ("đăng nhập", "/dang-nhap"),
                ("đăng ký", "/dang-ky"),
                ("ngoại tuyến", "/ngoai-tuyen"),
                ("không có trang", "/khong-co-trang-nay"),
            ],
            "lan": [
                ("trang của tôi", "/cua-toi"),
                ("chứng nhận của tôi", "/chung-nhan"),
                ("giấy chứng nhận", f"/chung-nhan/{code}"),
                ("trước bài kiểm tra", "/kiem-tra/an-toan"),
                ("kết quả bài kiểm tra", f"/ket-qua/{failed.token}"),
                ("sổ tay", "/so-tay/an-toan"),
                ("nhật ký", "/cua-toi/nhat-ky"),
                ("sửa buổi hướng dẫn", f"/cua-toi/nhat-ky/{visit.id}"),
                ("đổi mật khẩu", "/cua-toi/mat-khau"),
                ("đố vui của tôi", "/cua-toi/do-vui"),
            ],
            "pao": [("làm bài kiểm tra", f"/bai-lam/{open_attempt.token}")],
            "mai": [
                ("trình chiếu người dạy", "/bai-hoc/mat-khau/trinh-chieu/nguoi-day"),
                ("giảng viên", "/giang-vien/"),
                ("tổ của giảng viên", f"/giang-vien/to/{team.id}"),
                ("thành viên", f"/giang-vien/thanh-vien/{lan.id}"),
                ("thống kê câu hỏi", "/giang-vien/cau-hoi"),
                ("nhật ký của tổ", f"/giang-vien/to/{team.id}/nhat-ky"),
                ("báo cáo quý", "/bao-cao/"),
                ("giọng đọc", "/giong-doc/"),
                ("ghi giọng một bài", "/giong-doc/mat-khau/vi"),
                ("các tổ", "/to/"),
                ("một tổ", f"/to/{team.id}"),
                ("thôn bản", f"/to/{team.id}/thon-ban/"),
            ],
            "quantri": [
                ("tài khoản", "/quan-tri/tai-khoan"),
                ("đăng nhập sai", "/quan-tri/dang-nhap-sai/"),
                ("nhập tệp", "/quan-tri/nhap"),
                ("tổ mới", "/quan-tri/to-moi"),
                ("chỉ tiêu", "/quan-tri/chi-tieu/"),
                ("nhập chỉ tiêu", "/quan-tri/chi-tieu/nhap"),
                ("thu hồi", "/quan-tri/thu-hoi"),
                ("gói âm thanh", "/giong-doc/goi-am-thanh/"),
            ],
        }
    )


def sign_in(page, base: str, login: str) -> None:
    page.goto(f"{base}/dang-nhap")
    page.get_by_label("Tên đăng nhập hoặc số điện thoại").fill(login)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{base}/cua-toi")


def live_quiz_pages(page, base: str) -> list[tuple[str, str]]:
    """Start a class quiz on phones as a projector laptop does, and join it as a phone:
    the projector's lobby and the phone's question page."""
    page.goto(f"{base}/chu-de/an-toan/do-vui-ca-lop")
    page.get_by_role("button", name="Trả lời bằng điện thoại").click()
    page.wait_for_url(re.compile(r".*/do-vui/\d+$"))
    lobby = page.url.removeprefix(base)
    code = re.sub(r"\D", "", page.locator(".code").first.inner_text())
    page.goto(f"{base}/vui")
    page.get_by_label("Mã đố vui").fill(code)
    page.get_by_role("button", name="Vào đố vui").click()
    page.wait_for_url(re.compile(r".*/vui/\d+$"))
    return [
        ("đố vui trên máy chiếu", lobby),
        ("đố vui trên điện thoại", page.url.removeprefix(base)),
    ]
