"""Records as a table a spreadsheet opens: CSV, JSON, or an Excel workbook.

Every cell holds one value: a column of several values is joined by "; "
in CSV and Excel (a list in JSON).  CSV is written as RFC 4180 says, with a
UTF-8 byte-order mark so that Excel reads non-ASCII letters right; a cell
that a spreadsheet would take for a formula (starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) starts with an apostrophe
instead, so a report's text cannot run in the reader's spreadsheet.  Excel
workbooks are written with openpyxl (the ``xlsx`` extra), every cell as
text.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from typing import Any

from scr_checks.exceptions import UsageError
from scr_checks.extract import Column
from scr_checks.patterns import compiled

#: What joins the values of a column of several.
JOINER = "; "
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: Characters XML (so a workbook) cannot hold.
_NOT_XML = compiled(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|\p{Cs}")


def cell(value: Any) -> str:
    """A record's value as one spreadsheet cell's text."""
    if isinstance(value, list):
        return JOINER.join(str(v) for v in value)
    return "" if value is None else str(value)


def as_csv(rows: Sequence[dict[str, Any]], columns: Sequence[Column]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([column.name for column in columns])
    for row in rows:
        writer.writerow([_inert(cell(row[column.name])) for column in columns])
    return "\ufeff" + buffer.getvalue()


def as_json(rows: Sequence[dict[str, Any]], columns: Sequence[Column]) -> str:
    data = {"columns": [column.name for column in columns],
            "records": [{column.name: row[column.name] for column in columns} for row in rows]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def as_xlsx(rows: Sequence[dict[str, Any]], columns: Sequence[Column]) -> bytes:
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font
    except ImportError:
        raise UsageError("writing xlsx needs openpyxl: pip install 'scr-checks[xlsx]'") from None
    book = Workbook()
    sheet = book.active
    sheet.title = "Findings and recommendations"
    sheet.append([column.name for column in columns])
    for heading in sheet[1]:
        heading.font = Font(bold=True)
    wrapped = Alignment(wrap_text=True, vertical="top")
    for number, row in enumerate(rows, start=2):
        for place, column in enumerate(columns, start=1):
            target = sheet.cell(row=number, column=place)
            target.value = _NOT_XML.sub("\ufffd", cell(row[column.name]))
            target.data_type = "s"  # text, never a formula, whatever it starts with
            target.alignment = wrapped
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    for place, column in enumerate(columns, start=1):
        letter = sheet.cell(row=1, column=place).column_letter
        sheet.column_dimensions[letter].width = 60 if column.name in ("text", "title") else 18
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _inert(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


#: The formats ``extract`` writes, each by its writer.
FORMATS: dict[str, Callable[[Sequence[dict[str, Any]], Sequence[Column]], str | bytes]] = {
    "csv": as_csv, "json": as_json, "xlsx": as_xlsx}
