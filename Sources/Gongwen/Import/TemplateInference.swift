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
}
