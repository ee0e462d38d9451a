"""Fills the key-project form as a Word table with python-docx: same title, merges, values,
fonts (East-Asian face set on every run), row heights, borders and A4 margins."""
import docx
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

import key_project as kp

CENTER, LEFT = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT


def write_text(paragraph, text, font, size):
    run = paragraph.add_run(text)
    run.font.name = "Times New Roman"
    run.font.size = Pt(size)
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), font)


def fill(values, path):
    document = docx.Document()
    document.core_properties.title, document.core_properties.subject = kp.TITLE, kp.TEMPLATE_ID
    document.core_properties.author = "Gongwen"
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    m = kp.MARGINS_MM
    section.top_margin, section.bottom_margin = Mm(m["top"]), Mm(m["bottom"])
    section.left_margin, section.right_margin = Mm(m["left"]), Mm(m["right"])
    title = document.add_paragraph()
    title.alignment = CENTER
    write_text(title, kp.TITLE, kp.TITLE_FONT, kp.TITLE_SIZE)
    table = document.add_table(rows=len(kp.ROWS), cols=4)
    table.style = "Table Grid"
    usable = 210 - m["left"] - m["right"]
    for c, width in enumerate(kp.WIDTHS):
        table.columns[c].width = Mm(usable * width / sum(kp.WIDTHS))
    for r, height in enumerate(kp.row_heights(values)):
        table.rows[r].height = Pt(height)
        table.rows[r].height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    for r, first, last, key, text in kp.cells():
        cell = table.cell(r, first)
        if last > first:
            cell = cell.merge(table.cell(r, last))
        kind = None if key is None else kp.FIELDS[key][1]
        if key is None and text.startswith("项目简介"):
            text = "\n".join(text)  # stacked: one character a line
        elif key is not None:
            text = kp.text_of(values, key)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP if kind == "multiline" else WD_CELL_VERTICAL_ALIGNMENT.CENTER
        for i, line in enumerate(text.split("\n")):
            paragraph = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
            paragraph.alignment = LEFT if kind in ("count", "multiline") else CENTER
            write_text(paragraph, line, kp.BODY_FONT, kp.BODY_SIZE)
    document.save(path)


if __name__ == "__main__":
    kp.run(fill, "python-docx", getattr(docx, "__version__", "?"))
