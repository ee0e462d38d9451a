import Foundation

/// From a `SourceDocument` to a `FormTemplate`: which cells are inputs, whether the table is
/// a list (heading rows, then empty rows) or a grid (labels beside or above inputs), the
/// field of each input, the title, header line and notes, and the kind of form it is.
struct TemplateInference {
    let known: KnownFields
    let library: TemplateLibrary
    let file: String

    /// A cell's role in the form.
    enum Role { case label, input }

    func role(_ cell: SourceCell) -> Role {
        let t = cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if t.isEmpty || LabelText.mark(t) != nil || LabelText.isHint(t) { return .input }
        return .label
    }

    func template(from document: SourceDocument, id: String?) throws -> TemplateImporter.Result {
        var warnings = document.warnings
        var document = document
        peelLines(&document)
        let table = document.table
        guard table.cells.contains(where: { role($0) == .input }) else { throw ImportError.noInputCells(file: file) }
        guard table.cells.contains(where: { role($0) == .label }) else { throw ImportError.noInputCells(file: file) }

        // Title and header line above the table; everything below it is a note.
        var title: String?
        var headerLine: (text: String, label: String)?
        for line in document.linesAbove {
            if Self.isAttachmentMark(line) {
                warnings.append(.textDropped(place: "表格上方", text: line))
            } else if headerLine == nil, let h = LabelText.headerLine(line) {
                headerLine = h
                let rest = line.trimmingCharacters(in: .whitespaces).dropFirst(h.text.count).trimmingCharacters(in: .whitespaces)
                if !rest.isEmpty { warnings.append(.textDropped(place: "表头行", text: rest)) }
            } else if title == nil, headerLine == nil, LabelText.headerLine(line) == nil {
                title = line
            } else {
                warnings.append(.textDropped(place: "表格上方", text: line))
            }
        }
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        if title == nil { warnings.append(.untitled(stem)) }
        let formTitle = title ?? stem

        var fields: [FieldDefinition] = []
        var used = Set<String>()
        var knownFrom: [FormTemplate] = []
        func add(_ found: FieldInference.Found) throws(ImportError) -> String {
            var field = found.field
            if found.marked, used.contains(field.key) { throw .duplicateKey(file: file, key: field.key) }
            field.key = FieldKeys.unique(field.key, among: used)
            used.insert(field.key)
            fields.append(field)
            if let t = found.knownFrom { knownFrom.append(t) }
            warnings.append(.field(key: field.key, label: field.label, type: field.type, because: found.because))
            return field.key
        }
        let inference = FieldInference(known: known, file: file)

        var header: HeaderLine?
        if let h = headerLine {
            let found = known.single(h.label)
            var field = found?.field ?? FieldDefinition(key: FieldKeys.key(for: h.label), label: h.label, type: .text,
                                                        required: true, maxLength: 100)
            field.label = h.label
            field.hint = nil
            let key = try add(FieldInference.Found(field: field, because: found.map { "已知标签，同模板 \($0.template.id)（known label）" } ?? "表头行（header line）",
                                               knownFrom: found?.template))
            header = HeaderLine(text: h.text, field: key)
        }

        let layout: TemplateLayout
        if let list = listShape(table) {
            var columns: [ListColumn] = []
            for (c, heading) in list.headings.enumerated() {
                let cell = list.firstRow[c]
                let found = try inference.field(for: cell, labelText: heading.text, context: [], tall: false, column: true,
                                                positionalKey: "column\(c + 1)")
                columns.append(ListColumn(field: try add(found), width: table.columnWidths[c]))
            }
            if !list.groups.isEmpty { warnings.append(.groupHeadingsFlattened(list.groups)) }
            for text in list.dropped { warnings.append(.textDropped(place: "清单表", text: text)) }
            let headingHeight = (0..<list.headingRows).compactMap { table.rowHeights[$0] }.reduce(0, +)
            layout = .list(ListLayout(columns: columns, blankRows: list.blankRows,
                                      headingHeight: headingHeight > 0 ? headingHeight : nil,
                                      rowHeight: table.rowHeights[list.headingRows]))
        } else {
            let (gridLayout, notes) = try grid(table, inference: inference, add: add)
            layout = .grid(gridLayout)
            warnings += notes
        }
        if fields.isEmpty { throw ImportError.noInputCells(file: file) }

        // The kind: the one most known labels came from, when they are half the fields or
        // more; else a kind of its own, named by the id.
        let kinds = Dictionary(grouping: knownFrom, by: \.form)
        let best = kinds.max { a, b in a.value.count != b.value.count ? a.value.count < b.value.count : a.key > b.key }
        let sibling = best.flatMap { $0.value.count * 2 >= fields.count ? $0.value.first : nil }
        let templateID = id ?? Self.id(fromFileName: stem) ?? Self.id(fromTitle: formTitle)
        let form = sibling?.form ?? FormKind(rawValue: templateID)!

        let singles = fields.filter { !$0.isRowField }
        let singleKeys = Set(singles.map(\.key))
        let subject = sibling?.subject.flatMap { singleKeys.contains($0) ? $0 : nil }
            ?? singles.first { $0.required && $0.type == .text }?.key
        let numeric = fields.filter { $0.type.isNumeric }.map(\.key)
        let totals = sibling.map { s in s.totals.filter { numeric.contains($0) } } ?? numeric
        var batchName = subject.map { "{row}-{\($0)}" } ?? "{row}"
        if let s = sibling, (try? FileNamePattern(s.batchName, keys: singleKeys)) != nil { batchName = s.batchName }

        let template = FormTemplate(
            id: templateID, form: form, formName: sibling?.formName ?? Self.formName(fromTitle: formTitle), title: formTitle,
            source: "导入自 \(file)", header: header, fields: fields, layout: layout, notes: document.linesBelow,
            page: document.page ?? PageSetup(), subject: subject, totals: totals, batchName: batchName)
        do {
            _ = try TemplateCheck.grid(of: template)
        } catch {
            throw ImportError.inconsistent(file: file, detail: error.detail)
        }
        return TemplateImporter.Result(template: template, warnings: warnings)
    }

    /// 附件, 附件1, 附件 2： on a line of its own: the notice's mark for its attachment, not
    /// part of the form (a notice prints its own).
    static func isAttachmentMark(_ line: String) -> Bool {
        var t = Substring(LabelText.squeezed(line))
        guard t.hasPrefix("附件") else { return false }
        t = t.dropFirst(2)
        while let last = t.last, last == "：" || last == ":" { t = t.dropLast() }
        return t.allSatisfy { $0.isNumber }
    }

    /// Rows of the table that are lines of the page: a first row that is one cell across the
    /// whole table holding text (a title or header line inside the ruled block, as many
    /// sheets have it), and last rows of that shape that begin with 注.
    func peelLines(_ document: inout SourceDocument) {
        func line(_ row: Int) -> String? {
            let cells = document.table.cells.filter { $0.row == row }
            guard cells.count == 1, let cell = cells.first, cell.rowSpan == 1, cell.colSpan == document.table.columnCount,
                  role(cell) == .label else { return nil }
            return cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        func drop(_ row: Int) {
            var t = document.table
            t.cells.removeAll { $0.row == row }
            for i in t.cells.indices where t.cells[i].row > row { t.cells[i].row -= 1 }
            t.rowHeights.remove(at: row)
            document.table = t
        }
        while document.table.rowCount > 2, let text = line(0) {
            document.linesAbove.append(text)
            drop(0)
        }
        var notes: [String] = []
        while document.table.rowCount > 2, let text = line(document.table.rowCount - 1), text.hasPrefix("注") || text.hasPrefix("备注") {
            notes.insert(text, at: 0)
            drop(document.table.rowCount - 1)
        }
        document.linesBelow = notes + document.linesBelow
    }

    // MARK: Lists

    struct ListShape {
        var headingRows: Int
        /// The lowest heading over each column.
        var headings: [SourceCell]
        /// The cells of the first empty row, one per column.
        var firstRow: [SourceCell]
        var blankRows: Int
        /// Group headings over several columns, which the list keeps no row for.
        var groups: [String]
        /// What the list does not keep: a 合计 row under it, the numbers of a 序号 column.
        var dropped: [String] = []
    }

    /// The table as a list, when it is one: one or two rows of headings, each column with a
    /// heading of its own, then two or more rows of single empty cells, one per column.
    func listShape(_ table: SourceTable) -> ListShape? {
        let byRow = Dictionary(grouping: table.cells, by: \.row)
        let width = table.columnCount
        guard width >= 1, table.rowCount >= 3 else { return nil }
        for headingRows in 1...2 where table.rowCount - headingRows >= 2 {
            let heading = (0..<headingRows).flatMap { byRow[$0] ?? [] }
            guard heading.allSatisfy({ role($0) == .label && $0.lastRow < headingRows }) else { continue }
            var leaves: [SourceCell] = []
            for c in 0..<width {
                guard let leaf = heading.first(where: { $0.column == c && $0.colSpan == 1 && $0.lastRow == headingRows - 1 }) else { break }
                leaves.append(leaf)
            }
            guard leaves.count == width else { continue }
            // The row numbers a list prints in its 序号 column are not data a unit types.
            let numbered = Set(leaves.filter { Self.numberHeadings.contains(LabelText.squeezed($0.text)) }.map(\.column))
            func isEntry(_ cell: SourceCell) -> Bool {
                cell.colSpan == 1 && cell.rowSpan == 1
                    && (role(cell) == .input || (numbered.contains(cell.column) && cell.text.allSatisfy(\.isNumber)))
            }
            var body = (headingRows..<table.rowCount).map { (byRow[$0] ?? []).sorted { $0.column < $1.column } }
            // A 合计 row under the list: `collect` adds the returned lists up; the template keeps none.
            var dropped: [String] = []
            while let last = body.last, let first = last.first, Self.totalWords.contains(where: { LabelText.squeezed(first.text).hasPrefix($0) }) {
                dropped.insert(LabelText.squeezed(first.text), at: 0)
                body.removeLast()
            }
            guard body.count >= 2, body.allSatisfy({ row in row.count == width && row.allSatisfy(isEntry) }) else { continue }
            let groups = heading.filter { $0.colSpan > 1 }.sorted { $0.column < $1.column }.map { LabelText.squeezed($0.text) }
            if headingRows == 2 && groups.isEmpty { continue }
            if !numbered.isEmpty { dropped.insert("序号列的预填序号", at: 0) }
            var firstRow = body[0]
            for i in firstRow.indices where numbered.contains(firstRow[i].column) { firstRow[i].text = "" }
            return ListShape(headingRows: headingRows, headings: leaves, firstRow: firstRow, blankRows: body.count,
                             groups: groups, dropped: dropped)
        }
        return nil
    }

    static let numberHeadings: Set<String> = ["序号", "编号", "序"]
    static let totalWords = ["合计", "小计", "总计"]

    // MARK: Grids

    /// The table as a grid: its cells row by row, labels as text and inputs bound to the
    /// field of the label beside (or else above) them.
    /// Also returns what it has to say of single cells (no label, a validation it cannot keep).
    private func grid(_ table: SourceTable, inference: FieldInference,
                      add: (FieldInference.Found) throws(ImportError) -> String) throws -> (GridLayout, [ImportWarning]) {
        var warnings: [ImportWarning] = []
        let heights = table.rowHeights.compactMap { $0 }.sorted()
        let usual = heights.isEmpty ? 28 : heights[heights.count / 2]
        var rows: [GridRow] = []
        for r in 0..<table.rowCount {
            var cells: [GridCell] = []
            for cell in table.cells.filter({ $0.row == r }).sorted(by: { $0.column < $1.column }) {
                var g = GridCell()
                if cell.colSpan > 1 { g.colSpan = cell.colSpan }
                if cell.rowSpan > 1 { g.rowSpan = cell.rowSpan }
                switch role(cell) {
                case .label:
                    // Stacked one character a line: the template says `vertical` and keeps the text whole.
                    let unstacked = LabelText.unstacked(cell.text)
                    g.text = unstacked ?? cell.text.trimmingCharacters(in: .whitespacesAndNewlines)
                    if cell.stacked || unstacked != nil { g.vertical = true }
                    if let h = cell.horizontal, h != .center { g.align = h }
                case .input:
                    let label = labelCell(for: cell, in: table)
                    // A group's label (活动经费（单位：万元） over its items) says a unit for the
                    // row: a label to the left that another label, not an input, follows.
                    let context = table.cells.filter { other in
                        other.row <= r && r <= other.lastRow && other.lastColumn < cell.column && role(other) == .label
                            && table.cell(covering: r, other.lastColumn + 1).map { role($0) == .label } == true
                    }.map(\.text)
                    let tall = table.height(of: cell, fallback: usual) >= max(3 * usual, 80)
                    let found = try inference.field(for: cell, labelText: label?.text, context: context, tall: tall, column: false,
                                                    positionalKey: "r\(r + 1)c\(cell.column + 1)")
                    let key = try add(found)
                    if label == nil { warnings.append(.unlabelledInput(place: cell.place, key: key)) }
                    if let v = cell.validation, !FieldRules.validation(v).expressible {
                        warnings.append(.validationDropped(place: cell.place, type: v.type))
                    }
                    g.field = key
                    let expected: HorizontalAlignment = found.field.type == .multiline ? .left : .center
                    if let h = cell.horizontal, h != expected { g.align = h }
                }
                if let v = cell.vertical, v != .center { g.valign = v }
                cells.append(g)
            }
            rows.append(GridRow(height: table.rowHeights[r], cells: cells))
        }
        return (GridLayout(columns: table.columnWidths, rows: rows), warnings)
    }

    /// The label of an input: the label cell that ends just left of it on its first row,
    /// else the one that ends just above it over its first column.
    private func labelCell(for cell: SourceCell, in table: SourceTable) -> SourceCell? {
        if cell.column > 0, let left = table.cell(covering: cell.row, cell.column - 1), role(left) == .label { return left }
        if cell.row > 0, let above = table.cell(covering: cell.row - 1, cell.column), role(above) == .label,
           above.column == cell.column { return above }
        return nil
    }

    // MARK: Names

    /// A template id from a file name that is already one, lowercased (KeyProject_2023 →
    /// keyproject-2023); nil for a name with no ASCII letters (most Chinese file names).
    static func id(fromFileName stem: String) -> String? {
        var id = ""
        for scalar in stem.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                id.unicodeScalars.append(scalar)
            } else if !id.isEmpty, !id.hasSuffix("-") {
                id += "-"
            }
        }
        while id.hasSuffix("-") { id.removeLast() }
        guard FormKind.isKebabCase(id), id.count >= 3 else { return nil }
        return id
    }

    /// `form-` and eight hex digits of the title: the same title gives the same id.
    static func id(fromTitle title: String) -> String {
        "form-" + FieldKeys.key(for: LabelText.squeezed(title)).dropFirst("field".count)
    }

    /// The title without a leading year (2020 年科技活动周… → 科技活动周…).
    static func formName(fromTitle title: String) -> String {
        var t = Substring(title.trimmingCharacters(in: .whitespaces))
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        if digits.count == 4 {
            let rest = t.dropFirst(4).drop { $0 == " " }
            if rest.first == "年" { t = rest.dropFirst().drop { $0 == " " } }
        }
        return t.isEmpty ? title : String(t)
    }
}
