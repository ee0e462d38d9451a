"""Fills the key-project form with openpyxl, the library most Python users reach for."""
import openpyxl
from openpyxl.styles import Alignment, Border, Font, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

import key_project as kp

THIN = Side(style="thin")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
OPERATORS = {"<=": "lessThanOrEqual", ">=": "greaterThanOrEqual"}
TYPES = {"integer": "whole", "length": "textLength", "custom": "custom"}


def fill(values, path):
    wb = openpyxl.Workbook()
    wb.properties.title, wb.properties.subject, wb.properties.creator = kp.TITLE, kp.TEMPLATE_ID, "Gongwen"
    ws = wb.active
    ws.title = kp.TITLE.replace(" ", "")
    body_font = Font(name=kp.BODY_FONT, size=kp.BODY_SIZE)
    for c, width in enumerate(kp.WIDTHS):
        ws.column_dimensions[get_column_letter(c + 1)].width = width
    ws.row_dimensions[1].height = kp.TITLE_SIZE * 2.4
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=4)
    title = ws.cell(1, 1, kp.TITLE)
    title.font = Font(name=kp.TITLE_FONT, size=kp.TITLE_SIZE)
    title.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for r, height in enumerate(kp.row_heights(values)):
        ws.row_dimensions[r + 2].height = height
    for r, first, last, key, text in kp.cells():
        row = r + 2
        if key is None:
            cell = ws.cell(row, first + 1, text)
            cell.font, cell.border = body_font, BORDER
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True,
                                       text_rotation=255 if text.startswith("项目简介") else 0)
            continue
        kind = kp.FIELDS[key][1]
        if last > first:
            ws.merge_cells(start_row=row, start_column=first + 1, end_row=row, end_column=last + 1)
        value = values.get(key) if kind == "count" else kp.text_of(values, key)
        horizontal = "left" if kind in ("count", "multiline") else "center"
        for c in range(first, last + 1):  # a merged range is styled cell by cell
            cell = ws.cell(row, c + 1)
            if c == first:
                cell.value = value
            cell.font, cell.border, cell.protection = body_font, BORDER, Protection(locked=False)
            cell.alignment = Alignment(horizontal=horizontal, vertical="top" if kind == "multiline" else "center",
                                       wrap_text=True)
            cell.number_format = "@" if kind in ("phone", "postcode") else "0" if kind == "count" else "General"
        anchor = f"{get_column_letter(first + 1)}{row}"
        v = kp.validation(key, anchor)
        dv = DataValidation(type=TYPES[v["validate"]], operator=OPERATORS.get(v.get("criteria")),
                            formula1=str(v["value"]).lstrip("="), allow_blank=True,
                            showInputMessage=True, showErrorMessage=True,
                            promptTitle=v["input_title"], prompt=v["input_message"],
                            errorTitle=v["error_title"], error=v["error_message"])
        dv.add(f"{anchor}:{get_column_letter(last + 1)}{row}")
        ws.add_data_validation(dv)
    ws.page_setup.paperSize = 9
    ws.page_setup.orientation = "portrait"
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    m = kp.MARGINS_MM
    ws.page_margins.left, ws.page_margins.right = m["left"] / 25.4, m["right"] / 25.4
    ws.page_margins.top, ws.page_margins.bottom = m["top"] / 25.4, m["bottom"] / 25.4
    ws.print_options.horizontalCentered = True
    ws.print_area = f"A1:D{len(kp.ROWS) + 1}"
    ws.oddFooter.center.text = "第 &P 页，共 &N 页"
    ws.protection.sheet = True
    ws.protection.formatColumns = False
    ws.protection.formatRows = False
    wb.save(path)


if __name__ == "__main__":
    kp.run(fill, "openpyxl", openpyxl.__version__)
