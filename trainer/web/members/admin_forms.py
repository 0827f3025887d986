"""An admin's forms: a new team, a CSV file to import, a role, an instructor for a team."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import RadioField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, Length

from trainer.models import ROLE_NAMES


class TeamForm(FlaskForm):
    name = StringField(
        "Tên tổ",
        [DataRequired("Hãy ghi tên tổ."), Length(max=160, message="Tên tổ quá dài.")],
        description="Ví dụ: Tổ CNSCĐ-Xã Mường Phăng",
    )
    commune = StringField("Xã hoặc phường", [DataRequired("Hãy ghi tên xã hoặc phường.")])
    district = StringField("Huyện, quận hoặc thị xã")
    province = StringField("Tỉnh hoặc thành phố")


class ImportForm(FlaskForm):
    kind = RadioField(
        "Trong tệp có",
        choices=[
            SelectChoice("teams", "Danh sách tổ"),
            SelectChoice("members", "Danh sách thành viên"),
        ],
        default="teams",
        validators=[DataRequired("Hãy chọn loại danh sách.")],
    )
    file = FileField("Tệp CSV", [FileRequired("Hãy chọn tệp CSV.")])


class RoleForm(FlaskForm):
    role = SelectField(
        "Vai trò", choices=[SelectChoice(key.value, name) for key, name in ROLE_NAMES.items()]
    )


class InstructorForm(FlaskForm):
    instructor = SelectField("Giảng viên", coerce=int, validate_choice=False)
