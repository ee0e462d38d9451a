import Foundation
import Testing
@testable import Gongwen

/// Returned files as careless or hostile writers leave them: a form we render, copied with
/// some of its parts edited as text, so that each test says in XML what it breaks.
enum ReturnedFileEdits {
    /// A statistics form's data: the good file every broken one is made from.
    static let statistics = Fixtures.json(
        #"{"reporter": "甲县", "activities": {"held": 3, "ministryTasks": 1}, "funds": {"central": 0.1, "other": 12.35}}"#)

    /// Renders `data` as a form of `templateID` into `folder`.
    static func render(_ templateID: String, _ data: JSONValue, format: OutputFormat, in folder: URL, name: String) throws -> ReturnedFile {
        let template = try Fixtures.library.template(id: templateID)
        let values = try Fixtures.library.validator(for: template).validate(data).values
        return try CollectTests.write(templateID, values, format: format, in: folder, name: name)
    }

    /// A copy of the package at `source`, each part named in `edits` replaced by what its
    /// function makes of the part's text (nil leaves the part out). The edits run in the order
    /// of the parts' names, so that one may use what an earlier one found (xl/styles.xml
    /// before xl/worksheets/sheet1.xml).
    static func copy(_ source: URL, to destination: URL, editing edits: [String: (String) -> String?]) throws -> ReturnedFile {
        let reader = try ZipArchiveReader(path: source.path)
        var edited: [String: String?] = [:]
        for (name, edit) in edits.sorted(by: { $0.key < $1.key }) {
            let data = try #require(try reader.read(name), "no part \(name)")
            edited[name] = edit(String(decoding: data, as: UTF8.self))
        }
        let writer = try ZipArchiveWriter(path: destination.path)
        for name in reader.names {
            if let text = edited[name] {
                if let text { try writer.add(name, Data(text.utf8)) }
            } else {
                try writer.add(name, try #require(try reader.read(name)))
            }
        }
        try writer.close()
        return ReturnedFile(url: destination, displayPath: destination.path)
    }

    /// Where the XLSX sheet of `templateID` has the input cell of `key`: 0-based row and
    /// column, and its A1 reference.
    static func cell(of key: String, in templateID: String) throws -> (row: Int, column: Int, reference: String) {
        let layout = FormSheetBuilder.build(try Fixtures.library.template(id: templateID))
        let input = try #require(layout.cells.first { cell in
            if case .input(let input) = cell.content { return input.field.key == key }
            return false
        })
        let row = XlsxSheetRenderer.tableTop(of: layout) + input.row
        return (row, input.column, XlsxReference.cell(row: row, column: input.column))
    }

    /// The sheet XML with the `<c>` element at `reference` replaced by `cell`.
    static func replacingCell(_ reference: String, in sheet: String, with cell: String) -> String {
        guard let start = sheet.range(of: "<c r=\"\(reference)\"") else {
            Issue.record("no cell \(reference) in the sheet")
            return sheet
        }
        let tagEnd = sheet[start.upperBound...].firstIndex(of: ">")!
        let end: String.Index
        if sheet[sheet.index(before: tagEnd)] == "/" {
            end = sheet.index(after: tagEnd)
        } else {
            end = sheet.range(of: "</c>", range: tagEnd..<sheet.endIndex)!.upperBound
        }
        return sheet.replacingCharacters(in: start.lowerBound..<end, with: cell)
    }

    /// The `cellXfs` of a styles part with one more `xf` of number format `id` (and its
    /// `numFmt` when `code` is given); returns the styles and the new style's index.
    static func addingNumberFormat(_ styles: String, id: Int, code: String? = nil) -> (styles: String, index: Int) {
        var styles = styles
        if let code {
            let format = "<numFmt numFmtId=\"\(id)\" formatCode=\"\(code)\"/>"
            if let range = styles.range(of: "</numFmts>") {
                styles.replaceSubrange(range, with: format + "</numFmts>")
            } else {
                let fonts = styles.range(of: "<fonts")!
                styles.replaceSubrange(fonts.lowerBound..<fonts.lowerBound, with: "<numFmts count=\"1\">\(format)</numFmts>")
            }
        }
        let list = styles.range(of: "<cellXfs")!
        let close = styles.range(of: "</cellXfs>")!
        let count = styles[list.upperBound..<close.lowerBound].components(separatedBy: "<xf ").count - 1
        styles.replaceSubrange(close, with: "<xf numFmtId=\"\(id)\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>")
        return (styles, count)
    }
}
