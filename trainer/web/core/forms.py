"""What every form of the site shares: it is read only from what a browser's form sends.

Flask-WTF would also read a JSON body as a form; a JSON string, list or deeply nested value
then breaks the form instead of being refused, so JSON never reaches these forms.
"""

from __future__ import annotations

from flask import request
from flask_wtf import FlaskForm
from flask_wtf.form import _Auto  # what FlaskForm() is given when no form data is passed
from werkzeug.datastructures import CombinedMultiDict


class PageForm(FlaskForm):
    """A form filled in on one of the site's pages (and its anti-forgery token)."""

    class Meta(FlaskForm.Meta):
        def wrap_formdata(self, form, formdata):
            if formdata is not _Auto:
                return formdata
            if request.method not in ("POST", "PUT", "PATCH", "DELETE"):
                return None
            if request.files:
                return CombinedMultiDict((request.files, request.form))
            return request.form or None
