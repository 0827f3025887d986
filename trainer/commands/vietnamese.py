"""Click's own words in Vietnamese: usage, help, prompts and errors, as the rest of `trainer`.

Click asks `gettext` for every word it prints, at the moment it prints it. Pointing its
modules' `_` and `ngettext` at this table makes the whole command speak one language,
whatever the machine's locale; a message missing here stays as Click wrote it.
"""

from __future__ import annotations

import importlib

CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types")

WORDS = {
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Show this message and exit.": "Xem hướng dẫn này rồi thoát.",
    "Show the version and exit.": "Xem phiên bản rồi thoát.",
    "Repeat for confirmation": "Nhập lại để xác nhận",
    "Error: The two entered values do not match.": "Lỗi: hai lần nhập không giống nhau.",
    "Error: The value you entered was invalid.": "Lỗi: giá trị vừa nhập không hợp lệ.",
    "Error: invalid input": "Lỗi: nhập không hợp lệ",
    "Error: {message}": "Lỗi: {message}",
    "Error: {e.message}": "Lỗi: {e.message}",
    "Aborted!": "Đã dừng.",
    "Press any key to continue...": "Bấm một phím bất kỳ để tiếp tục…",
    "Missing argument": "Thiếu đối số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing command.": "Thiếu lệnh.",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "No such command {name!r}.": "Không có lệnh {name!r}.",
    "No such option: {name}": "Không có tùy chọn: {name}",
    "Did you mean {possibility}?": "Có phải ý bạn là {possibility}?",
    "(Possible options: {possibilities})": "(Có thể là: {possibilities})",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị.",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Got unexpected extra argument ({args})": "Thừa đối số ({args})",
    "Got unexpected extra arguments ({args})": "Thừa các đối số ({args})",
    "Try '{command} {option}' for help.": "Gõ '{command} {option}' để xem hướng dẫn.",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "{value!r} is not one of {choices}.": "{value!r} không phải một trong {choices}.",
    "{value!r} is not {choice}.": "{value!r} không phải {choice}.",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải số hợp lệ.",
    "{value!r} is not a valid boolean.": "{value!r} không phải có/không.",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng {range}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a file.": "{name} {filename!r} là một tệp, không phải thư mục.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là một thư mục, không phải tệp.",
    "{name} {filename!r} is not readable.": "Không đọc được {name} {filename!r}.",
    "{name} {filename!r} is not writable.": "Không ghi được {name} {filename!r}.",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
    "file": "tệp",
    "directory": "thư mục",
    "path": "đường dẫn",
    "default: {default}": "mặc định: {default}",
    "required": "bắt buộc",
    "env var: {var}": "biến môi trường: {var}",
    "Choose from:\n\t{choices}": "Chọn một trong:\n\t{choices}",
}


def gettext(message: str) -> str:
    """message in Vietnamese where the table has it."""
    return WORDS.get(message, message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """Vietnamese has one form for one and many."""
    return gettext(singular if count == 1 else plural)


def speak_vietnamese() -> None:
    """Make every Click module print its words from the table above."""
    for name in CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext
