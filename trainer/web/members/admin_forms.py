"""An admin's forms: a new team, a CSV file to import, a role, an instructor for a team."""

from __future__ import annotations

from wtforms import RadioField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, Length

from trainer.models import ROLE_NAMES
from trainer.web.core.forms import PageForm
from trainer.web.core.ids import record_id
from trainer.web.core.upload_forms import SpreadsheetForm


class TeamForm(PageForm):
    name = StringField(
        "Tên tổ",
        [DataRequired("Hãy ghi tên tổ."), Length(max=160, message="Tên tổ quá dài.")],
        description="Ví dụ: Tổ CNSCĐ-Xã Mường Phăng",
    )
    commune = StringField("Xã hoặc phường", [DataRequired("Hãy ghi tên xã hoặc phường.")])
    district = StringField("Huyện, quận hoặc thị xã")
    province = StringField("Tỉnh hoặc thành phố")


class ImportForm(SpreadsheetForm):
    kind = RadioField(
        "Trong tệp có",
        choices=[
            SelectChoice("teams", "Danh sách tổ"),
            SelectChoice("members", "Danh sách thành viên"),
        ],
        default="teams",
        validators=[DataRequired("Hãy chọn loại danh sách.")],
    )


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
