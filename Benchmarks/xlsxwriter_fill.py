"""Fills the key-project form with XlsxWriter (the Python original of libxlsxwriter)."""
import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

import key_project as kp


def fill(values, path):
    wb = xlsxwriter.Workbook(path)
    wb.set_properties({"title": kp.TITLE, "subject": kp.TEMPLATE_ID, "author": "Gongwen"})
    ws = wb.add_worksheet(kp.TITLE.replace(" ", ""))
    body = {"font_name": kp.BODY_FONT, "font_size": kp.BODY_SIZE, "align": "center", "valign": "vcenter",
            "text_wrap": True, "border": 1}
    title = wb.add_format({**body, "font_name": kp.TITLE_FONT, "font_size": kp.TITLE_SIZE, "border": 0})
    label = wb.add_format(body)
    stacked = wb.add_format({**body, "rotation": 270})
    formats = {
        "text": wb.add_format({**body, "locked": False}),
        "digits": wb.add_format({**body, "locked": False, "num_format": "@"}),
        "count": wb.add_format({**body, "locked": False, "num_format": "0", "align": "left"}),
        "multiline": wb.add_format({**body, "locked": False, "align": "left", "valign": "top"}),
    }
    for c, width in enumerate(kp.WIDTHS):
        ws.set_column(c, c, width)
    ws.set_row(0, kp.TITLE_SIZE * 2.4)
    ws.merge_range(0, 0, 0, 3, kp.TITLE, title)
    for r, height in enumerate(kp.row_heights(values)):
        ws.set_row(r + 1, height)
    for r, first, last, key, text in kp.cells():
        row = r + 1
        if key is None:
            ws.write_string(row, first, text, stacked if text.startswith("项目简介") else label)
            continue
        kind = kp.FIELDS[key][1]
        fmt = formats["digits" if kind in ("phone", "postcode") else kind if kind in formats else "text"]
        if last > first:
            ws.merge_range(row, first, row, last, "", fmt)
        if kind == "count" and key in values:
            ws.write_number(row, first, values[key], fmt)
        else:
            ws.write_string(row, first, kp.text_of(values, key), fmt)
        ws.data_validation(row, first, row, last, kp.validation(key, xl_rowcol_to_cell(row, first)))
    ws.set_paper(9)
    ws.set_portrait()
    m = kp.MARGINS_MM
    ws.set_margins(m["left"] / 25.4, m["right"] / 25.4, m["top"] / 25.4, m["bottom"] / 25.4)
    ws.center_horizontally()
    ws.fit_to_pages(1, 0)
    ws.print_area(0, 0, len(kp.ROWS), 3)
    ws.set_footer(kp.FOOTER)
    ws.protect("", {"format_columns": True, "format_rows": True})
    wb.close()


if __name__ == "__main__":
    kp.run(fill, "XlsxWriter", xlsxwriter.__version__)
