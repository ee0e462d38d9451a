import Foundation

/// Reads a filled form back into data, from the cells its template's layout says hold each
/// field: the XLSX cells we wrote (or Excel, WPS and LibreOffice saved again), or the table
/// cells of the DOCX. The result goes through the same validation as `render` input; a cell
/// that cannot be read as what a person sees refuses the file instead.
public struct FormReader: Sendable {
    public let template: FormTemplate

    public init(template: FormTemplate) {
        self.template = template
    }

    /// Reads an XLSX or DOCX, chosen by what the archive holds, not by its file name.
    public func read(_ url: URL) throws(ReadError) -> JSONValue {
        let archive = try OfficeArchive(path: url, limits: .form)
        if archive.parts.contains("xl/workbook.xml") { return try readXlsx(url) }
        if archive.parts.contains("word/document.xml") { return try readDocx(url) }
        throw .missingPart(file: archive.name, part: "xl/workbook.xml")
    }

    public func readXlsx(_ url: URL) throws(ReadError) -> JSONValue { try reading(url, as: .xlsx).data }

    public func readDocx(_ url: URL) throws(ReadError) -> JSONValue { try reading(url, as: .docx).data }

    /// The form's data, and the cells read as they show rather than as they are stored. A
    /// cell that cannot be read refuses the file, named with its place and field.
    public func reading(_ url: URL, as format: OutputFormat) throws(ReadError) -> FormReading {
        switch format {
        case .xlsx: try readingXlsx(url)
        case .docx: try readingDocx(url)
        }
    }

    private func readingXlsx(_ url: URL) throws(ReadError) -> FormReading {
        let sheet = try XlsxReader(path: url, limits: .form).firstSheet()
        let layout = FormSheetBuilder.build(template)
        let top = XlsxSheetRenderer.tableTop(of: layout)
        let cells = FormCells(file: url.lastPathComponent, part: sheet.part, unreadable: sheet.unreadable,
                              unlisted: sheet.unlisted, place: CellPlace.sheet) { sheet[$0, $1] }
        var header: String?
        if layout.headerLine != nil {
            header = cells.text(XlsxSheetRenderer.headerLineRow, 0, for: template.header?.field.flatMap(template.field))
        }
        let data = try assemble(file: url.lastPathComponent, layout: layout, header: header, rowCount: sheet.rowCount - top) { r, c, field in
            cells.text(top + r, c, for: field)
        }
        try cells.finish()
        return FormReading(data: data, notes: cells.notes)
    }

    private func readingDocx(_ url: URL) throws(ReadError) -> FormReading {
        let content = try DocxTableReader(path: url, limits: .form).content()
        let layout = FormSheetBuilder.build(template)
        guard let table = content.tables.first else {
            throw .layoutMismatch(file: url.lastPathComponent, detail: "没有表格（no table）")
        }
        let cells = FormCells(file: url.lastPathComponent, part: DocxTableReader.documentPart, unreadable: content.unreadable,
                              place: { CellPlace.table(0, row: $0, column: $1) }) { r, c in
            table[r]?[c].map { CellText(text: $0, isNumber: false) }
        }
        let header = template.header.flatMap { h in content.paragraphs.first { $0.hasPrefix(h.text) } }
        let rows = (table.keys.max() ?? -1) + 1
        let data = try assemble(file: url.lastPathComponent, layout: layout, header: header, rowCount: rows) { r, c, field in
            cells.text(r, c, for: field)
        }
        try cells.finish()
        return FormReading(data: data, notes: cells.notes)
    }

    /// Builds the data object from cell text: single fields from their cells, list rows from
    /// every non-empty row under the heading, the reporter from the header line. A cell that
    /// still shows its field's hint is empty.
    private func assemble(file: String, layout: FormSheet, header: String?, rowCount: Int,
                          cell: (Int, Int, FieldDefinition?) -> String?) throws(ReadError) -> JSONValue {
        var object: [String: JSONValue] = [:]
        if let h = template.header, let key = h.field, let line = header {
            // The header cell is open for typing: a person may have kept 填报单位（盖章）： and
            // typed after it, or replaced the whole text with the unit's name.
            let value = (line.hasPrefix(h.text) ? String(line.dropFirst(h.text.count)) : line)
                .trimmingCharacters(in: .whitespaces)
            if !value.isEmpty { object[key] = .string(value) }
        }
        func value(_ field: FieldDefinition, _ text: String?) -> JSONValue? {
            guard let text, !text.isEmpty, text != field.hint else { return nil }
            return .string(text)
        }
        switch template.layout {
        case .grid:
            for sheetCell in layout.cells {
                switch sheetCell.content {
                case .label(let label):
                    if let found = cell(sheetCell.row, sheetCell.column, nil), Self.squeezed(found) != Self.squeezed(label) {
                        throw .layoutMismatch(file: file, detail: "第 \(sheetCell.row + 1) 行应为“\(label)”，实为“\(found)”")
                    }
                case .input(let input):
                    if let v = value(input.field, cell(sheetCell.row, sheetCell.column, input.field)) { object[input.field.key] = v }
                case .heading:
                    break
                }
            }
        case .list(let list):
            let fields = list.columns.compactMap { template.field($0.field) }
            for (c, field) in fields.enumerated() where Self.squeezed(cell(0, c, nil) ?? "") != Self.squeezed(field.label) {
                throw .layoutMismatch(file: file, detail: "第 \(c + 1) 列标题应为“\(field.label)”")
            }
            var rows: [JSONValue] = []
            for r in 1..<max(1, rowCount) {
                if let first = cell(r, 0, nil), template.notes.contains(first) { break }
                var row: [String: JSONValue] = [:]
                for (c, field) in fields.enumerated() {
                    if let v = value(field, cell(r, c, field)) { row[field.rowKey] = v }
                }
                if !row.isEmpty { rows.append(.object(row)) }
            }
            object["rows"] = .array(rows)
        }
        return .object(object)
    }

    /// A label without its white space: stacked labels carry a line break between characters,
    /// and a person may have re-spaced one (地 址).
    static func squeezed(_ text: String) -> String { text.filter { !$0.isWhitespace } }

    /// A number as Excel stored it, without the binary noise a float may carry
    /// (12.349999999999999 → 12.35): fifteen significant digits, as Excel shows.
    static func number(_ raw: String) -> String {
        guard let d = Double(raw) else { return raw }
        if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
        var text = String(format: "%.15g", d)
        if text.contains("e") { return raw }
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
