import Foundation
import Testing
@testable import Gongwen

/// Two templates of kinds the seeds do not have (`Tests/NewKinds/forms/`): a grid with
/// numbers and a unit (科普教育基地申报表) and a list with numeric columns (主要活动一览表).
/// Everything works on them from the files alone — no Swift source names a kind.
@Suite("Form kinds as data")
struct NewKindTests {
    static let library: TemplateLibrary = {
        let extra = try! TemplateLibrary.load(from: Fixtures.repository.appendingPathComponent("Tests/NewKinds/forms"))
        return TemplateLibrary(templates: Fixtures.library.templates + extra.templates)
    }()

    static let base = Fixtures.json(#"""
        {"baseName": "郑州市青少年科技馆", "recommender": "郑州市科学技术协会", "host": "郑州市教育局",
         "contact": "王敏", "phone": "0371-6788 1234", "area": 3200.5, "visitors": 86000,
         "funds": {"own": 12.35, "grant": 0.1}, "summary": "常设展区五个。"}
        """#)

    static let activities = Fixtures.json(#"""
        {"reporter": "新乡市科学技术局", "rows": [
          {"name": "科普大篷车进社区", "date": "5月20日", "venue": "牧野区", "participants": 300, "funds": 1.2},
          {"name": "院士报告会", "date": "5月22日", "venue": "新乡学院", "participants": 450, "funds": 0.35}]}
        """#)

    func write(_ templateID: String, _ data: JSONValue, format: OutputFormat, in folder: URL, name: String) throws -> ReturnedFile {
        let renderer = FormRenderer(library: Self.library)
        let (template, validated) = try renderer.validate(templateID: templateID, data: data)
        let url = folder.appendingPathComponent("\(name).\(format.fileExtension)")
        try renderer.write(template, values: validated.values, format: format, to: url)
        return ReturnedFile(url: url, displayPath: name + "." + format.fileExtension)
    }

    @Test func kindsSubjectsAndTotalsComeFromTheFiles() throws {
        let base = try Self.library.template(id: "science-base-2026")
        #expect(base.form.rawValue == "science-base")
        #expect(base.formName == "科普教育基地申报表")
        #expect(base.subject == "baseName", "the first required text field")
        #expect(base.totals == ["area", "visitors", "funds.own", "funds.grant"], "every count and amount")
        #expect(base.batchName == "{row}-{baseName}")
        let list = try Self.library.template(id: "activity-list-2026")
        #expect(list.subject == "reporter")
        #expect(list.totals == ["rows[].participants", "rows[].funds"])
        let summary = TemplateSummary(list)
        #expect(summary.form.rawValue == "activity-list" && summary.formName == "主要活动一览表")
        #expect(summary.subject == "reporter" && summary.totals == list.totals)
    }

    @Test func aKindMustBeKebabCase() {
        #expect(FormKind(rawValue: "science-base") != nil)
        #expect(FormKind(rawValue: "kind2") != nil)
        for bad in ["", "Science", "science_base", "-base", "base-", "a--b", "科普", "2base"] {
            #expect(FormKind(rawValue: bad) == nil, "\(bad)")
        }
    }

    @Test func aTemplateNamingAFieldItLacksIsRefused() throws {
        let folder = Fixtures.temporaryFolder()
        let source = Fixtures.repository.appendingPathComponent("Tests/NewKinds/forms/science-base-2026.json")
        var text = try String(contentsOf: source, encoding: .utf8)
        text = text.replacingOccurrences(of: #""formName""#, with: #""totals": ["baseName"], "formName""#)
        try text.write(to: folder.appendingPathComponent("science-base-2026.json"), atomically: true, encoding: .utf8)
        #expect(throws: TemplateError.self) { try TemplateLibrary.load(from: folder) }
    }

    @Test(arguments: ["science-base-2026", "activity-list-2026"], OutputFormat.allCases)
    func rendersBlankAndFilled(templateID: String, format: OutputFormat) throws {
        let folder = Fixtures.temporaryFolder()
        let data = templateID == "science-base-2026" ? Self.base : Self.activities
        let filled = try write(templateID, data, format: format, in: folder, name: "filled")
        let read = try FormCollector(library: Self.library, templateID: templateID).collect([filled])
        #expect(read[0].isCollected, "\(read[0].problems)")
        let template = try Self.library.template(id: templateID)
        #expect(read[0].values == (try Self.library.validator(for: template).validate(data)).values)
        let values = try #require(read[0].values)
        #expect(FormRenderer.fileName(for: template, values: values, format: format)
            == "\(templateID)-\(templateID == "science-base-2026" ? "郑州市青少年科技馆" : "新乡市科学技术局").\(format.fileExtension)")
        #expect(FormRenderer.fileName(for: template, values: .blank, format: format) == "\(templateID)-blank.\(format.fileExtension)")

        let blank = folder.appendingPathComponent("blank.\(format.fileExtension)")
        try FormRenderer(library: Self.library).write(template, values: .blank, format: format, to: blank)
        let package = try OfficePackage(url: blank)
        let text = format == .xlsx ? try SheetCells(package).values.values.joined(separator: "|")
            : try package.xml("word/document.xml").all("w:t").map(\.text).joined()
        #expect(text.contains(template.title))
        for field in template.fields where template.printedKeys.contains(field.key) && field.key != template.header?.field {
            #expect(text.contains(field.label), "\(field.label)")
        }
    }

    @Test func batchesNameFilesByTheSubject() throws {
        let folder = Fixtures.temporaryFolder()
        let runner = try BatchRunner(library: Self.library, templateID: "science-base-2026",
                                     options: BatchOptions(formats: [.xlsx, .docx], folder: folder, jobs: 2))
        let list = try CSVList.open(.memory(Data("""
            基地名称,依托单位,年接待人次,自筹经费
            郑州市青少年科技馆,郑州市教育局,86000,12.35
            新乡市科技馆,新乡市科协,52000,3
            """.utf8)), file: "bases.csv")
        let plan = try runner.plan(list)
        let summary = try runner.run(plan, list: list)
        #expect(summary.formsWritten == 2 && summary.filesWritten == 4)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["2-郑州市青少年科技馆.docx", "2-郑州市青少年科技馆.xlsx", "3-新乡市科技馆.docx", "3-新乡市科技馆.xlsx", "manifest.csv"])

        // A list form: consecutive rows of one reporting unit make one form.
        let lists = Fixtures.temporaryFolder()
        let listRunner = try BatchRunner(library: Self.library, templateID: "activity-list-2026",
                                         options: BatchOptions(formats: [.xlsx], folder: lists, jobs: 1))
        let rows = try CSVList.open(.memory(Data("""
            填报单位,活动名称,参与人数
            新乡市科学技术局,科普大篷车进社区,300
            新乡市科学技术局,院士报告会,450
            辉县市科协,科普讲座,80
            """.utf8)), file: "activities.csv")
        let written = try listRunner.run(try listRunner.plan(rows), list: rows)
        #expect(written.formsWritten == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: lists.path).sorted()
            == ["2-新乡市科学技术局.xlsx", "4-辉县市科协.xlsx", "manifest.csv"])
    }

    @Test func collectsAndSumsAGridFormAndFillsItWithTheTotals() throws {
        let folder = Fixtures.temporaryFolder()
        let second = Fixtures.json(#"{"baseName": "新乡市科技馆", "visitors": 14000, "area": 0.2, "funds": {"own": 0.07, "grant": 2}}"#)
        let files = [try write("science-base-2026", Self.base, format: .xlsx, in: folder, name: "a"),
                     try write("science-base-2026", second, format: .docx, in: folder, name: "b")]
        let forms = try FormCollector(library: Self.library, templateID: "science-base-2026").collect(files)
        #expect(forms.map(\.subject) == ["郑州市青少年科技馆", "新乡市科技馆"])
        let template = try Self.library.template(id: "science-base-2026")
        let totals = FormTotals(template: template, units: forms.compactMap(\.values))
        #expect(totals.sums == ["area": Decimal(string: "3200.7")!, "visitors": 100_000,
                                "funds.own": Decimal(string: "12.42")!, "funds.grant": Decimal(string: "2.1")!])
        let table = SummaryTable.summary(of: template, forms: forms)
        let total = try #require(table.totalRow)
        let headings = table.columns.map(\.heading)
        #expect(total[try #require(headings.firstIndex(of: "推荐单位"))] == .text("合计"))
        #expect(total[try #require(headings.firstIndex(of: "年接待人次"))] == .number(100_000))
        #expect(table.columns[try #require(headings.firstIndex(of: "自筹经费"))].group == "年度科普经费 (单位：万元)")

        let url = folder.appendingPathComponent("summary.xlsx")
        try SummaryWriter(template: template).write(forms, to: url)
        let reader = try XlsxReader(path: url)
        let sheets = try reader.sheetTargets()
        #expect(sheets.map(\.name) == ["汇总", "2026年科普教育基地申报表"])
        let formSheet = try reader.sheet(at: sheets[1].path, name: sheets[1].name)
        #expect(formSheet[1, 0]?.text == "推荐单位（盖章）：合计（2 个单位）")
        let visitorsRow = try #require((0..<formSheet.rowCount).first { formSheet[$0, 2]?.text == "年接待人次" })
        #expect(formSheet[visitorsRow, 3] == CellText(text: "100000", isNumber: true))
    }

    @Test func collectsAndSumsTheColumnsOfAListForm() throws {
        let folder = Fixtures.temporaryFolder()
        let other = Fixtures.json(#"{"reporter": "辉县市科协", "rows": [{"name": "科普讲座", "participants": 80, "funds": 0.05}]}"#)
        let files = [try write("activity-list-2026", Self.activities, format: .xlsx, in: folder, name: "a"),
                     try write("activity-list-2026", other, format: .docx, in: folder, name: "b")]
        let forms = try FormCollector(library: Self.library, templateID: "activity-list-2026").collect(files)
        #expect(forms.allSatisfy { $0.isCollected }, "\(forms.flatMap(\.problems))")
        let template = try Self.library.template(id: "activity-list-2026")
        let table = SummaryTable.summary(of: template, forms: forms)
        #expect(table.rows.count == 3)
        let headings = table.columns.map(\.heading)
        #expect(headings == ["序号", "填报单位", "活动名称", "活动时间", "活动地点", "参与人数", "经费（万元）", "来源文件"])
        #expect(table.totalRow == [.empty, .text("合计"), .empty, .empty, .empty, .number(830), .number(Decimal(string: "1.6")!),
                                   .text("2 个单位")])
        let url = folder.appendingPathComponent("summary.xlsx")
        try SummaryWriter(template: template).write(forms, to: url)
        #expect(try XlsxReader(path: url).sheetTargets().map(\.name) == ["汇总"], "a list form is not filled with totals")
    }
}
