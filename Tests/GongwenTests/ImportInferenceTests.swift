import Foundation
import Testing
@testable import Gongwen

/// What the importer reads into labels, inputs, keys and types, on tables made here.
@Suite("Inferring a template from a form's table")
struct ImportInferenceTests {
    /// A table from rows of cells: text, with `|n` after it for a column span and `^n` for
    /// a row span; row heights in points.
    static func table(_ rows: [[String]], widths: [Double]? = nil, heights: [Double?]? = nil) -> SourceTable {
        var cells: [SourceCell] = []
        var covered = Set<[Int]>()
        var width = 0
        for (r, row) in rows.enumerated() {
            var c = 0
            for spec in row {
                while covered.contains([r, c]) { c += 1 }
                var text = spec, colSpan = 1, rowSpan = 1
                if let bar = text.lastIndex(of: "|"), let n = Int(text[text.index(after: bar)...]) { colSpan = n; text = String(text[..<bar]) }
                if let hat = text.lastIndex(of: "^"), let n = Int(text[text.index(after: hat)...]) { rowSpan = n; text = String(text[..<hat]) }
                cells.append(SourceCell(row: r, column: c, rowSpan: rowSpan, colSpan: colSpan, text: text, place: "R\(r + 1)C\(c + 1)"))
                for rr in r..<(r + rowSpan) { for cc in c..<(c + colSpan) { covered.insert([rr, cc]) } }
                c += colSpan
            }
            width = max(width, c)
        }
        return SourceTable(columnWidths: widths ?? Array(repeating: 20, count: width),
                           rowHeights: heights ?? Array(repeating: 30, count: rows.count), cells: cells)
    }

    static func infer(_ table: SourceTable, above: [String] = ["2024 年测试表"], below: [String] = [],
                      library: TemplateLibrary = TemplateLibrary(templates: [])) throws -> TemplateImporter.Result {
        let document = SourceDocument(linesAbove: above, linesBelow: below, table: table, page: nil, warnings: [])
        return try TemplateInference(known: KnownFields(library: library), library: library, file: "表.docx")
            .template(from: document, id: "test-form")
    }

    static func field(_ result: TemplateImporter.Result, _ label: String) -> FieldDefinition? {
        result.template.fields.first { $0.label == label }
    }

    @Test func labelText() {
        #expect(LabelText.unstacked("项\n目\n简\n介") == "项目简介")
        #expect(LabelText.unstacked("项目\n简介") == nil)
        #expect(LabelText.isHint("（主要活动内容、方式、参加人员、宣传方式）"))
        #expect(LabelText.isHint("(主要活动内容、方式、参加人员、宣传方式)"))
        #expect(!LabelText.isHint("（甲）乙（丙）"))
        #expect(!LabelText.isHint("项目名称"))
        #expect(LabelText.limit(in: "项目简介（500字内）") == ("项目简介", 500))
        #expect(LabelText.limit(in: "简介（不超过300字）") == ("简介", 300))
        #expect(LabelText.limit(in: "活动内容不超过200字") == ("活动内容", 200))
        #expect(LabelText.limit(in: "第5字段") == ("第5字段", nil))
        #expect(LabelText.fieldLabel("地 址").label == "地址")
        #expect(LabelText.fieldLabel("*项目名称：") == ("项目名称", nil, true))
        #expect(LabelText.headerLine("填报单位（盖章）：")! == ("填报单位（盖章）：", "填报单位"))
        #expect(LabelText.headerLine("单位（盖章）:")! == ("单位（盖章）:", "单位"))
        #expect(LabelText.headerLine("部门/地方（盖章）：")!.label == "部门/地方")
        #expect(LabelText.headerLine("注：请按时报送。") == nil)
        #expect(LabelText.mark("{{budget:amount}}")! == ("budget", "amount"))
        #expect(LabelText.mark("{{ projectName }}")! == ("projectName", nil))
        #expect(LabelText.mark("项目") == nil)
    }

    @Test func typesFromLabels() {
        #expect(FieldRules.type(of: "邮政编码")?.type == .postcode)
        #expect(FieldRules.type(of: "邮编")?.type == .postcode)
        #expect(FieldRules.type(of: "联系电话")?.type == .phone)
        #expect(FieldRules.type(of: "手机")?.type == .phone)
        #expect(FieldRules.type(of: "传真")?.type == .phone)
        #expect(FieldRules.type(of: "联系方式")?.type == .phone)
        #expect(FieldRules.type(of: "电子邮箱")?.type == .email)
        #expect(FieldRules.type(of: "E-mail")?.type == .email)
        #expect(FieldRules.type(of: "经费（万元）")?.type == .amount)
        #expect(FieldRules.type(of: "参加人数")?.type == .count)
        #expect(FieldRules.type(of: "场馆（个）")?.type == .count)
        #expect(FieldRules.type(of: "举办次数")?.type == .count)
        #expect(FieldRules.type(of: "项目名称") == nil)
    }

    /// Keys of unknown labels are the same on every run and machine (a hash of the label as
    /// read), whatever spacing the file gives it.
    @Test func stableKeys() {
        #expect(FieldKeys.key(for: "讲座名称") == "fieldf5199c9f")
        #expect(FieldKeys.key(for: LabelText.fieldLabel("讲 座 名 称：").label) == "fieldf5199c9f")
        #expect(FieldKeys.unique("contact", among: ["contact", "contact2"]) == "contact3")
    }

    @Test func gridWithoutKnownLabels() throws {
        let result = try Self.infer(Self.table([
            ["项目名称", "|3"],
            ["地 址", "", "邮编", ""],
            ["联系电话", "", "电子邮箱", ""],
            ["参加人数（人）", "", "经费（万元）", ""],
            ["项\n目\n简\n介", "（主要活动内容）|3"],
        ], heights: [30, 30, 30, 30, 200]))
        guard case .grid(let grid) = result.template.layout else { Issue.record("not a grid"); return }
        #expect(grid.rows.count == 5)
        #expect(grid.rows[0].cells[1].colSpan == 3)
        #expect(Self.field(result, "地址")?.type == .text)
        #expect(grid.rows[1].cells[0].text == "地 址")
        #expect(Self.field(result, "邮编")?.type == .postcode)
        #expect(Self.field(result, "联系电话")?.type == .phone)
        #expect(Self.field(result, "电子邮箱")?.type == .email)
        #expect(Self.field(result, "参加人数（人）")?.type == .count)
        #expect(Self.field(result, "经费（万元）")?.type == .amount)
        let summary = Self.field(result, "项目简介")
        #expect(summary?.type == .multiline)
        #expect(summary?.hint == "（主要活动内容）")
        #expect(grid.rows[4].cells[0].vertical == true)
        #expect(grid.rows[4].cells[0].text == "项目简介")
        #expect(result.template.form.rawValue == "test-form")
        #expect(Set(result.template.fields.map(\.key)).count == result.template.fields.count)
    }

    @Test func knownLabelsGiveTheTemplatesKeys() throws {
        let result = try Self.infer(Self.table([["项目名称", "", "联系人", ""], ["投入经费", "", "拟参加人数", ""]]),
                                    library: Fixtures.library)
        #expect(result.template.fields.map(\.key) == ["projectName", "contact", "budget", "participants"])
        #expect(result.template.form.rawValue == "key-project")
        #expect(Self.field(result, "拟参加人数")?.type == .count)
        #expect(result.template.subject == "projectName")
    }

    @Test func explicitMarksWin() throws {
        let result = try Self.infer(Self.table([["投入经费", "{{budgetTotal:amount}}"], ["备注", "{{remark}}"]]),
                                    library: Fixtures.library)
        #expect(result.template.fields.map(\.key) == ["budgetTotal", "remark"])
        #expect(Self.field(result, "投入经费")?.type == .amount)
        #expect(throws: ImportError.self) {
            try Self.infer(Self.table([["经费", "{{budget:money}}"]]))
        }
        #expect(throws: ImportError.duplicateKey(file: "表.docx", key: "remark")) {
            try Self.infer(Self.table([["备注", "{{remark}}"], ["说明", "{{remark}}"]]))
        }
    }

    @Test func groupContextGivesTheUnit() throws {
        let result = try Self.infer(Self.table([
            ["活动经费（单位：万元）^2", "中央财政", ""],
            ["企业赞助", ""],
            ["专职人员数量|2", ""],
        ]))
        #expect(Self.field(result, "中央财政")?.type == .amount)
        #expect(Self.field(result, "企业赞助")?.type == .amount)
        #expect(Self.field(result, "专职人员数量")?.type == .count)
    }

    @Test func listWithTwoHeadingRows() throws {
        let result = try Self.infer(Self.table([
            ["单位名称^2", "联系人|2", "参加人数^2"],
            ["姓名", "电话"],
            ["", "", "", ""], ["", "", "", ""], ["", "", "", ""],
        ]), above: ["2024 年活动名单", "填报单位（盖章）："])
        guard case .list(let list) = result.template.layout else { Issue.record("not a list"); return }
        #expect(list.blankRows == 3)
        #expect(list.columns.count == 4)
        #expect(result.template.fields.map(\.label) == ["填报单位", "单位名称", "姓名", "电话", "参加人数"])
        #expect(Self.field(result, "电话")?.type == .phone)
        #expect(Self.field(result, "参加人数")?.type == .count)
        #expect(result.template.header?.field == result.template.fields[0].key)
        #expect(result.warnings.contains(.groupHeadingsFlattened(["联系人"])))
    }

    /// A 序号 column numbered in advance and a 合计 row under the rows: still a list.
    @Test func listWithNumbersAndATotal() throws {
        let result = try Self.infer(Self.table([
            ["序号", "单位名称", "参加人数"],
            ["1", "", ""], ["2", "", ""], ["3", "", ""],
            ["合计|2", ""],
        ]))
        guard case .list(let list) = result.template.layout else { Issue.record("not a list"); return }
        #expect(list.blankRows == 3)
        #expect(result.template.fields.map(\.label) == ["序号", "单位名称", "参加人数"])
        #expect(result.warnings.contains(.textDropped(place: "清单表", text: "合计")))
    }

    @Test func validationGivesTheRule() throws {
        var table = Self.table([["数目", ""], ["代码", ""]])
        table.cells[1].validation = XlsxDataValidation(type: "whole", operation: "greaterThanOrEqual", formula1: "0",
                                                       prompt: "必填。请填写整数。", ranges: [])
        table.cells[3].validation = XlsxDataValidation(type: "textLength", operation: "lessThanOrEqual", formula1: "12",
                                                       prompt: nil, ranges: [])
        table.cells.append(SourceCell(row: 2, column: 0, text: "日期", place: "A3"))
        table.cells.append(SourceCell(row: 2, column: 1, text: "", validation: XlsxDataValidation(type: "date", ranges: []), place: "B3"))
        table.rowHeights.append(30)
        let result = try Self.infer(table)
        #expect(result.warnings.contains(.validationDropped(place: "B3", type: "date")))
        #expect(Self.field(result, "数目")?.type == .count)
        #expect(Self.field(result, "数目")?.required == true)
        #expect(Self.field(result, "代码")?.maxLength == 12)
    }

    /// A title and header line inside the ruled block, a note as its last row, and the
    /// notice's 附件 mark above: lines of the page, not cells.
    @Test func linesInsideTheTable() throws {
        let result = try Self.infer(Self.table([
            ["2024 年科普基地申报表|2"],
            ["填报单位（盖章）：|2"],
            ["基地名称", ""],
            ["面积（平方米）", ""],
            ["注：请于 6 月前报送。|2"],
        ]), above: ["附件 2"])
        #expect(result.template.title == "2024 年科普基地申报表")
        #expect(result.template.header?.text == "填报单位（盖章）：")
        #expect(result.template.notes == ["注：请于 6 月前报送。"])
        guard case .grid(let grid) = result.template.layout else { Issue.record("not a grid"); return }
        #expect(grid.rows.count == 2)
        #expect(result.warnings.contains(.textDropped(place: "表格上方", text: "附件 2")))
    }

    @Test func noInputCellsIsRefused() {
        #expect(throws: ImportError.noInputCells(file: "表.docx")) {
            try Self.infer(Self.table([["甲", "乙"], ["丙", "丁"]]))
        }
    }

    @Test func unlabelledInputGetsItsPlace() throws {
        let result = try Self.infer(Self.table([["", "名称", ""]]))
        #expect(result.template.fields.first?.key == "r1c1")
        #expect(result.warnings.contains(.unlabelledInput(place: "R1C1", key: "r1c1")))
    }
}
