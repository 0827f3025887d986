"""The form every spreadsheet import shares: the CSV file and the encoding it was saved in."""

from __future__ import annotations

from flask_wtf.file import FileField, FileRequired
from wtforms import RadioField, SelectChoice
from wtforms.validators import DataRequired

from trainer.services.common.uploaded_table import ENCODINGS
from trainer.web.core.forms import PageForm


class SpreadsheetForm(PageForm):
    encoding = RadioField(
        "Bảng mã của tệp",
        choices=[SelectChoice(code, label) for code, (label, _) in ENCODINGS.items()],
        default="utf-8",
        validators=[DataRequired("Hãy chọn bảng mã.")],
    )
    file = FileField("Tệp CSV", [FileRequired("Hãy chọn tệp CSV.")])
