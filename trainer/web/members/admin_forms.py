"""An admin's forms: a new team, a CSV file to import, a role, an instructor for a team."""

from __future__ import annotations

from flask_wtf.file import FileField, FileRequired
from wtforms import RadioField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, Length

from trainer.models import ROLE_NAMES
from trainer.services.members.member_import import ENCODINGS
from trainer.web.core.forms import PageForm
from trainer.web.core.ids import record_id


class TeamForm(PageForm):
    name = StringField(
        "Tên tổ",
        [DataRequired("Hãy ghi tên tổ."), Length(max=160, message="Tên tổ quá dài.")],
        description="Ví dụ: Tổ CNSCĐ-Xã Mường Phăng",
    )
    commune = StringField("Xã hoặc phường", [DataRequired("Hãy ghi tên xã hoặc phường.")])
    province = StringField("Tỉnh hoặc thành phố")


class ImportForm(PageForm):
    kind = RadioField(
        "Trong tệp có",
        choices=[
            SelectChoice("teams", "Danh sách tổ"),
            SelectChoice("members", "Danh sách thành viên"),
        ],
        default="teams",
        validators=[DataRequired("Hãy chọn loại danh sách.")],
    )
    encoding = RadioField(
        "Bảng mã của tệp",
        choices=[SelectChoice(code, label) for code, (label, _) in ENCODINGS.items()],
        default="utf-8",
        validators=[DataRequired("Hãy chọn bảng mã.")],
    )
    file = FileField("Tệp CSV", [FileRequired("Hãy chọn tệp CSV.")])


class RoleForm(PageForm):
    role = SelectField(
        "Vai trò", choices=[SelectChoice(key.value, name) for key, name in ROLE_NAMES.items()]
    )


class InstructorForm(PageForm):
    instructor = SelectField(
        "Giảng viên",
        [DataRequired("Hãy chọn một giảng viên.")],
        coerce=record_id,
        validate_choice=False,
    )
