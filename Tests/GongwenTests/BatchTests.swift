import Foundation
import Testing
@testable import Gongwen

@Suite("Batch export from lists")
struct BatchTests {
    let library = Fixtures.library

    // MARK: - Helpers

    func runner(_ templateID: String, _ folder: URL, format: [OutputFormat] = [.xlsx], pattern: String? = nil,
                zip: Bool = false, keepGoing: Bool = false, jobs: Int = 2) throws -> BatchRunner {
        let template = try library.template(id: templateID)
        let parsed = try pattern.map { try FileNamePattern($0, keys: FileNamePattern.keys(in: library.formFields(of: template.form))) }
        return try BatchRunner(library: library, templateID: templateID, options: BatchOptions(
            formats: format, folder: folder, pattern: parsed, zip: zip, keepGoing: keepGoing, jobs: jobs))
    }

    func csv(_ text: String, file: String = "list.csv") throws -> ListSource {
        try CSVList.open(.memory(Data(text.utf8)), file: file)
    }

    func jsonLines(_ text: String) throws -> ListSource {
        try JSONLinesList.open(.memory(Data(text.utf8)), file: "list.jsonl")
    }

    func records(_ source: ListSource) throws -> [ListRecord] {
        var all: [ListRecord] = []
        try source.forEachRecord { all.append($0) }
        return all
    }

    func cells(_ record: ListRecord) -> [String?] {
        if case .cells(let cells) = record.content { return cells }
        return []
    }

    func files(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// The manifest's lines after the header, split on commas (the tests' values have none).
    func manifest(in folder: URL) throws -> [[String]] {
        let data = try Data(contentsOf: folder.appendingPathComponent("manifest.csv"))
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "manifest starts with a BOM")
        let text = String(decoding: data.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "record,file,status,message")
        return lines.dropFirst().map { $0.components(separatedBy: ",") }
    }

    /// A real XLSX list: the package parts Excel needs and one sheet of inline strings.
    static func writeXlsx(_ rows: [[String]], to url: URL) throws {
        func column(_ c: Int) -> String { XlsxReference.column(c) }
        func escape(_ s: String) -> String {
            s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        }
        var sheet = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        for (r, row) in rows.enumerated() {
            sheet += "<row r=\"\(r + 1)\">"
            for (c, value) in row.enumerated() where !value.isEmpty {
                if Int(value) != nil {
                    sheet += "<c r=\"\(column(c))\(r + 1)\"><v>\(value)</v></c>"
                } else {
                    sheet += "<c r=\"\(column(c))\(r + 1)\" t=\"inlineStr\"><is><t>\(escape(value))</t></is></c>"
                }
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"
        let zip = try ZipArchiveWriter(path: url.path)
        try zip.add("[Content_Types].xml", Data(#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.utf8))
        try zip.add("_rels/.rels", Data(#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.utf8))
        try zip.add("xl/workbook.xml", Data(#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>"#.utf8))
        try zip.add("xl/_rels/workbook.xml.rels", Data(#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.utf8))
        try zip.add("xl/worksheets/sheet1.xml", Data(sheet.utf8))
        try zip.close()
    }

    // MARK: - Reading lists

    /// 郑州大学 and 单位名称 as Excel on Chinese Windows saves them (GBK).
    static let gbkBytes: [UInt8] = [0xD6, 0xA3, 0xD6, 0xDD, 0xB4, 0xF3, 0xD1, 0xA7, 0x2C, 0xB5, 0xA5, 0xCE, 0xBB, 0xC3, 0xFB, 0xB3, 0xC6]

    @Test func gbkCSVIsDetectedAndDecoded() throws {
        var bytes: [UInt8] = Self.gbkBytes + [0x0D, 0x0A] // 郑州大学,单位名称 as the header…
        bytes += [0x31, 0x2C] + Array(Self.gbkBytes[0..<8]) + [0x0D, 0x0A] // …then 1,郑州大学
        let source = try CSVList.open(.memory(Data(bytes)), file: "gbk.csv")
        #expect(source.reading == "CSV，编码：GB18030")
        #expect(source.header == ["郑州大学", "单位名称"])
        #expect(try records(source).map(cells) == [["1", "郑州大学"]])
    }

    @Test func utf8WithAndWithoutBOMAndUTF16() throws {
        let plain = try csv("项目名称\n郑州\n")
        #expect(plain.reading == "CSV，编码：UTF-8")
        let bom = try CSVList.open(.memory(Data([0xEF, 0xBB, 0xBF] + Array("项目名称\n郑州\n".utf8))), file: "b.csv")
        #expect(bom.reading == "CSV，编码：UTF-8（带 BOM）")
        #expect(bom.header == ["项目名称"])
        var utf16 = Data([0xFF, 0xFE])
        utf16.append("项目名称\t主办单位\n郑州\t大学\n".data(using: .utf16LittleEndian)!)
        let tabbed = try CSVList.open(.memory(utf16), file: "u.txt")
        #expect(tabbed.reading == "CSV，编码：UTF-16LE")
        #expect(try records(tabbed).map(cells) == [["郑州", "大学"]])
    }

    @Test func csvFollowsRFC4180() throws {
        let source = try csv("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n\r\n,last,\n")
        let all = try records(source)
        #expect(all.map(\.number) == [2, 4]) // a blank row 3 is skipped but counted
        #expect(cells(all[0]) == ["x, y", "say \"hi\"", "two\nlines"])
        #expect(cells(all[1]) == [nil, "last", nil])
    }

    @Test func csvStateSurvivesAnyChunkBoundary() throws {
        let text = "名称,说明\r\n\"郑州，大学\",\"一行\r\n二行\"\"引号\"\"\"\r\n"
        var reader = CSVRowReader(separator: UInt8(ascii: ","), encoding: .utf8, file: "x.csv")
        var rows: [[String]] = []
        for byte in Array(text.utf8) { try reader.feed(Data([byte])) { rows.append($0.fields) } }
        try reader.finish { rows.append($0.fields) }
        #expect(rows == [["名称", "说明"], ["郑州，大学", "一行\r\n二行\"引号\""]])
    }

    @Test func anUnclosedQuoteIsAnError() throws {
        let source = try csv("项目名称\n\"郑州\n")
        #expect(throws: BatchListError.unclosedQuote(file: "list.csv", row: 2)) { try records(source) }
    }

    @Test func utf8IsValidatedAcrossChunks() {
        var validator = UTF8Validator()
        validator.feed(Data([0xE9, 0x83]))
        #expect(!validator.isValid) // a character cut short
        validator = UTF8Validator()
        validator.feed(Data([0xE9, 0x83]))
        validator.feed(Data([0x91]))
        #expect(validator.isValid) // 郑 across two chunks
        validator = UTF8Validator()
        validator.feed(Data([0xC0, 0x80]))
        #expect(!validator.isValid) // overlong
    }

    @Test func jsonLinesSkipBlankLinesAndKeepBadOnes() throws {
        let source = try jsonLines("{\"projectName\": \"甲\"}\n\n  \n{broken\n[1]\r\n{\"projectName\": \"乙\"}")
        let all = try records(source)
        #expect(all.map(\.number) == [1, 4, 5, 6])
        guard case .malformed = all[1].content, case .malformed(let detail) = all[2].content else {
            Issue.record("lines 4 and 5 should be malformed")
            return
        }
        #expect(detail.contains("array"))
    }

    // MARK: - Headers

    @Test func headersMayBeKeysLabelsOrVariantLabels() throws {
        let template = try library.template(id: "key-project-2020")
        let mapper = RecordMapper(template: template, library: library)
        #expect(mapper.resolve("projectName") == .value("projectName"))
        #expect(mapper.resolve("项目名称") == .value("projectName"))
        #expect(mapper.resolve(" 地 址 ") == .value("address"))
        #expect(mapper.resolve("活动经费") == .value("budget")) // the 2021 variant's label
        #expect(mapper.resolve("投入经费") == .value("budget"))
        let list = try library.template(id: "open-institution-2021")
        let rows = RecordMapper(template: list, library: library)
        #expect(rows.resolve("单位名称") == .row("name"))
        #expect(rows.resolve("name") == .row("name"))
        #expect(rows.resolve("rows[].name") == .row("name"))
        for word in ["reporter", "填报单位", "单位", "部门", "地方", "单位（盖章）:", "填报单位(盖章)"] {
            #expect(rows.resolve(word) == .value("reporter"), "\(word)")
        }
        let stats = RecordMapper(template: try library.template(id: "statistics-2022"), library: library)
        #expect(stats.resolve("部门/地方") == .value("reporter"))
        #expect(stats.resolve("funds.central") == .value("funds.central"))
        #expect(stats.resolve("中央财政经费投入情况") == .value("funds.central"))
    }

    @Test func unknownHeadingsAreAllListed() throws {
        let folder = Fixtures.temporaryFolder()
        let source = try csv("序号,项目名称,项目明称,备注\n1,甲,乙,丙\n")
        #expect(throws: BatchListError.unknownColumns(file: "list.csv", columns: ["第 3 列“项目明称”", "第 4 列“备注”"])) {
            try runner("key-project-2020", folder).plan(source)
        }
        let twice = try csv("项目名称,projectName\n甲,乙\n")
        #expect(throws: BatchListError.self) { try runner("key-project-2020", folder).plan(twice) }
        let unnamed = try csv("项目名称,\n甲,乙\n")
        #expect(throws: BatchListError.unnamedColumn(file: "list.csv", column: "第 2 列")) {
            try runner("key-project-2020", folder).plan(unnamed)
        }
    }

    // MARK: - File names

    @Test(arguments: [
        ("../../etc/passwd", "2-etc_passwd"),
        ("CON", "2-_CON"),
        ("a/b", "2-a_b"),
        ("a\\b:c*d?e\"f<g>h|i", "2-a_b_c_d_e_f_g_h_i"),
        (".hidden", "2-hidden"),
        ("", "2"),
    ])
    func unsafeNamesBecomeSafe(organizer: String, stem: String) throws {
        let pattern = try FileNamePattern("{row}-{organizer}", keys: ["organizer"])
        let values = FormValues(values: organizer.isEmpty ? [:] : ["organizer": .text(organizer)])
        #expect(pattern.stem(row: 2, templateID: "t", values: values) == stem)
    }

    @Test func aCutNameNeverEndsInADotOrSpace() {
        let name = SafeFileName.stem(String(repeating: "a", count: SafeFileName.maxStemBytes - 1) + ". tail")
        #expect(name == String(repeating: "a", count: SafeFileName.maxStemBytes - 1))
    }

    @Test func aNameAloneThatIsADeviceIsRenamed() throws {
        let pattern = try FileNamePattern("{organizer}", keys: ["organizer"])
        #expect(pattern.stem(row: 7, templateID: "t", values: FormValues(values: ["organizer": .text("CON")])) == "_CON")
        #expect(pattern.stem(row: 7, templateID: "t", values: FormValues(values: ["organizer": .text("..")])) == "record-7")
    }

    @Test func longNamesAreBoundedAndDuplicatesNumbered() throws {
        let pattern = try FileNamePattern("{row}-{organizer}", keys: ["organizer"])
        let long = String(repeating: "郑州市科学技术协会科普部", count: 17).prefix(200)
        #expect(long.count == 200)
        let stem = pattern.stem(row: 12, templateID: "t", values: FormValues(values: ["organizer": .text(String(long))]))
        #expect(stem.utf8.count <= SafeFileName.maxStemBytes)
        #expect(stem.hasPrefix("12-郑州市科学技术协会"))
        var names = NameRegistry()
        #expect(names.claim("郑州大学") == nil)
        #expect(names.claim("郑州大学") == 2)
        #expect(NameRegistry.name("郑州大学", number: 2) == "郑州大学-2")
        #expect(names.claim("Abc") == nil)
        #expect(names.claim("ABC") == 2) // Windows and macOS would see the same file
    }

    @Test func duplicatesAreNumberedWithoutCaseAndNumberedNamesAreTaken() {
        var names = NameRegistry()
        let stems = ["a", "A", "a", "a-2", "A-3", "b", "B-2", "b", "e\u{301}", "\u{E9}", "É"]
        let given = stems.map { NameRegistry.name($0, number: names.claim($0)) }
        // `a-2` was given to the second form, so the list's own `a-2` is numbered in turn;
        // é composed and decomposed are one name, as they are one String.
        #expect(given == ["a", "A-2", "a-3", "a-2-2", "A-3-2", "b", "B-2", "b-3", "e\u{301}", "\u{E9}-2", "É-3"])
    }

    @Test func aPlannedFormKnowsItsRecordsAndName() {
        let form = PlannedForm(records: 4...6, name: "4-郑州大学-2", number: 2)
        #expect(form.number == 2 && form.isAt(4...6) && !form.isAt(4...5))
        #expect(form.isNamed("4-郑州大学-2") && !form.isNamed("4-郑州大学"))
        #expect(PlannedForm(records: 7...7, name: "7-河南大学", number: nil).number == nil)
        #expect(MemoryLayout<PlannedForm>.stride == 16)
    }

    @Test func patternsAreChecked() {
        #expect(throws: FileNamePatternError.self) { try FileNamePattern("{row}-{organiser}", keys: ["organizer"]) }
        #expect(throws: FileNamePatternError.self) { try FileNamePattern("{row", keys: []) }
        #expect(throws: FileNamePatternError.self) { try FileNamePattern("fixed", keys: []) }
    }

    // MARK: - Whole batches

    @Test func aThousandRowXlsxListMakesAThousandFilesAndTheirManifest() throws {
        let dir = Fixtures.temporaryFolder()
        let list = dir.appendingPathComponent("list.xlsx")
        var rows = [["序号", "项目名称", "主办单位", "联系电话", "拟参加人数", "电子邮箱"]]
        for i in 1...1000 {
            rows.append(["\(i)", "第\(i)号科普项目", i == 500 ? "郑州大学" : "单位\(i)", "0371-6718\(String(format: "%04d", i))", "\(100 + i)", "u\(i)@163.com"])
        }
        rows[1000][2] = "郑州大学" // two records of one unit: the second file is numbered
        try Self.writeXlsx(rows, to: list)
        let folder = dir.appendingPathComponent("out")
        let source = try ListSource.open(list)
        #expect(source.reading == "XLSX，工作表：名单")
        let batch = try runner("key-project-2020", folder, zip: true)
        let plan = try batch.plan(source)
        #expect(plan.formCount == 1000 && plan.validCount == 1000)
        let summary = try batch.run(plan, list: source)
        #expect(summary.filesWritten == 1000)
        let names = try files(in: folder)
        #expect(names.count == 1002)
        #expect(names.contains("501-郑州大学.xlsx") && names.contains("1001-郑州大学.xlsx"))
        #expect(names.contains("batch.zip") && names.contains("manifest.csv"))
        let lines = try manifest(in: folder)
        #expect(lines.count == 1000)
        #expect(lines[0] == ["2", "2-单位1.xlsx", "ok", ""])
        #expect(lines.allSatisfy { $0[2] == "ok" })
        // Spot checks: the file of row n has row n's values.
        let template = try library.template(id: "key-project-2020")
        for row in [2, 321, 1001] {
            let read = try FormReader(template: template).read(folder.appendingPathComponent(lines[row - 2][1]))
            let values = try library.validator(for: template).validate(read).values
            #expect(values["projectName"] == .text("第\(row - 1)号科普项目"))
            #expect(values["participants"] == .number(Decimal(100 + row - 1)))
        }
        let zip = try ZipArchiveReader(path: folder.appendingPathComponent("batch.zip").path)
        #expect(zip.names.count == 1001)
        #expect(try zip.read("manifest.csv") == Data(contentsOf: folder.appendingPathComponent("manifest.csv")))
    }

    @Test func aGBKListOfAListFormGroupsRowsByReporter() throws {
        let dir = Fixtures.temporaryFolder()
        let text = "填报单位,单位名称,开放内容,联系方式\r\n郑州市科技局,郑州大学,实验室开放,0371-67781234\r\n郑州市科技局,河南农业大学,标本馆,0371-63558888\r\n新乡市科协,河南师范大学,科普讲座,0373-3326000\r\n"
        let bytes = text.data(using: CSVEncoding.gb18030Encoding)!
        #expect(String(data: bytes, encoding: .utf8) == nil) // really not UTF-8
        let list = dir.appendingPathComponent("list.csv")
        try bytes.write(to: list)
        let source = try ListSource.open(list)
        #expect(source.reading == "CSV，编码：GB18030")
        let folder = dir.appendingPathComponent("out")
        let batch = try runner("open-institution-2020", folder, format: [.xlsx, .docx])
        let plan = try batch.plan(source)
        #expect(plan.formCount == 2)
        _ = try batch.run(plan, list: source)
        #expect(try files(in: folder) == ["2-郑州市科技局.docx", "2-郑州市科技局.xlsx", "4-新乡市科协.docx", "4-新乡市科协.xlsx", "manifest.csv"])
        #expect(try manifest(in: folder).map { $0[0] + " " + $0[1] } == [
            "2-3 2-郑州市科技局.xlsx", "2-3 2-郑州市科技局.docx", "4 4-新乡市科协.xlsx", "4 4-新乡市科协.docx",
        ])
        let template = try library.template(id: "open-institution-2020")
        let read = try FormReader(template: template).read(folder.appendingPathComponent("2-郑州市科技局.xlsx"))
        let values = try library.validator(for: template).validate(read).values
        #expect(values["reporter"] == .text("郑州市科技局"))
        #expect(values.rows.map { $0["name"] } == [.text("郑州大学"), .text("河南农业大学")])
    }

    @Test func threeBadRecordsAreAllListedAndNothingIsWritten() throws {
        let folder = Fixtures.temporaryFolder().appendingPathComponent("out")
        let source = try csv("""
            项目名称,主办单位,电子邮箱,邮政编码,拟参加人数
            甲,郑州大学,a@b.cn,450001,10
            ,郑州大学,a@b.cn,450001,10
            乙,郑州大学,not-an-email,450001,10
            丙,郑州大学,a@b.cn,4500,-3
            丁,郑州大学,a@b.cn,450001,10

            """)
        do {
            _ = try runner("key-project-2020", folder).plan(source)
            Issue.record("the plan should have been refused")
        } catch let failure as BatchValidationFailure {
            #expect(failure.badRecordCount == 3)
            #expect(failure.issues.map(\.description) == [
                "第 3 行：projectName（项目名称）：必填项，不能为空 [required]",
                "第 4 行：email（电子邮箱）：电子邮箱格式不正确 [email]",
                "第 5 行：participants（拟参加人数）：不能为负数 [non-negative]",
                "第 5 行：postcode（邮政编码）：邮政编码应为 6 位数字 [postcode]",
            ])
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test func keepGoingWritesTheGoodAndMarksTheBad() throws {
        let folder = Fixtures.temporaryFolder()
        let source = try jsonLines("""
            {"projectName": "甲", "organizer": "郑州大学"}
            {"projectName": "乙", "organizer": "郑州大学", "email": "bad"}
            not json
            {"projectName": "丙", "organizer": "河南大学"}
            """)
        let batch = try runner("key-project-2020", folder, keepGoing: true)
        let plan = try batch.plan(source)
        let summary = try batch.run(plan, list: source)
        #expect(summary.formsWritten == 2 && summary.invalidForms == 2)
        #expect(try files(in: folder) == ["1-郑州大学.xlsx", "4-河南大学.xlsx", "manifest.csv"])
        let lines = try manifest(in: folder)
        #expect(lines.map { [$0[0], $0[1], $0[2]] } == [
            ["1", "1-郑州大学.xlsx", "ok"], ["2", "", "invalid"], ["3", "", "invalid"], ["4", "4-河南大学.xlsx", "ok"],
        ])
        #expect(lines[1][3] == "email（电子邮箱）：电子邮箱格式不正确 [email]")
    }

    @Test func duplicateNamesAreNumberedAcrossChunksInTheManifestAndTheZip() throws {
        let folder = Fixtures.temporaryFolder()
        // More forms than a chunk holds, so names are numbered against earlier chunks.
        var organizers = (1...300).map { "单位\($0)" }
        organizers += ["Abc", "ABC", "abc-2", "单位7"]
        let source = try jsonLines(organizers.map { #"{"projectName": "甲", "organizer": "\#($0)"}"# }.joined(separator: "\n"))
        let batch = try runner("key-project-2020", folder, pattern: "{organizer}", zip: true)
        _ = try batch.run(try batch.plan(source), list: source)
        let lines = try manifest(in: folder)
        #expect(lines.count == 304)
        #expect(lines.suffix(4).map { [$0[0], $0[1]] } == [
            ["301", "Abc.xlsx"], ["302", "ABC-2.xlsx"], ["303", "abc-2-2.xlsx"], ["304", "单位7-2.xlsx"],
        ])
        let zip = try ZipArchiveReader(path: folder.appendingPathComponent("batch.zip").path)
        #expect(zip.names == lines.map { $0[1] } + ["manifest.csv"])
    }

    @Test func aListChangedBetweenThePassesStopsTheRun() throws {
        let dir = Fixtures.temporaryFolder()
        let list = dir.appendingPathComponent("list.jsonl")
        let lines = [#"{"projectName": "甲", "organizer": "郑州大学"}"#, #"{"projectName": "乙", "organizer": "郑州大学"}"#]
        for changed in [
            [lines[0], #"{"projectName": "乙", "organizer": "河南大学"}"#], // a name comes out differently
            [lines[0]], // a record is gone
        ] {
            try Data(lines.joined(separator: "\n").utf8).write(to: list)
            let source = try ListSource.open(list)
            let folder = dir.appendingPathComponent("out")
            let batch = try runner("key-project-2020", folder)
            let plan = try batch.plan(source)
            try Data(changed.joined(separator: "\n").utf8).write(to: list)
            #expect(throws: BatchListError.changedDuringRun(file: "list.jsonl")) { try batch.run(plan, list: source) }
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("manifest.csv").path))
        }
    }

    @Test func aBadRowOfAListFormIsReportedAtItsOwnRow() throws {
        let source = try csv("reporter,name,phone\n某局,甲大学,67183769\n某局,乙大学,call me\n某局,,\n")
        do {
            _ = try runner("open-institution-2020", Fixtures.temporaryFolder()).plan(source)
            Issue.record("the plan should have been refused")
        } catch let failure as BatchValidationFailure {
            #expect(failure.issues.map(\.description) == [
                "第 3 行：rows[].phone（联系方式）：电话号码只能包含数字、空格、短横线、括号和“转” [phone]",
            ])
        }
        let missing = try csv("reporter,name\n,甲大学\n,乙大学\n")
        do {
            _ = try runner("open-institution-2020", Fixtures.temporaryFolder()).plan(missing)
            Issue.record("the plan should have been refused")
        } catch let failure as BatchValidationFailure {
            #expect(failure.issues.map(\.description) == ["第 2–3 行：reporter（填报单位）：必填项，不能为空 [required]"])
        }
    }

    @Test func statisticsFromDottedColumns() throws {
        let folder = Fixtures.temporaryFolder()
        let source = try csv("部门/地方,funds.central,举办活动次数\n新乡市,15.5,86\n")
        let batch = try runner("statistics-2022", folder, pattern: "{template}-{reporter}")
        _ = try batch.run(try batch.plan(source), list: source)
        let file = folder.appendingPathComponent("statistics-2022-新乡市.xlsx")
        let template = try library.template(id: "statistics-2022")
        let values = try library.validator(for: template).validate(FormReader(template: template).read(file)).values
        #expect(values["funds.central"] == .number(Decimal(string: "15.5")!))
        #expect(values["activities.held"] == .number(86))
    }

    @Test func anEmptyListIsRefused() throws {
        let source = try csv("项目名称\n\n")
        #expect(throws: BatchListError.noRecords(file: "list.csv")) { try runner("key-project-2020", Fixtures.temporaryFolder()).plan(source) }
        #expect(throws: BatchListError.noHeader(file: "list.csv")) { try csv("\n\n") }
    }

    @Test func manifestFieldsAreQuotedWhenTheyMustBe() {
        #expect(Manifest.line(["1", "a,b", "say \"x\"", "two\nlines"]) == "1,\"a,b\",\"say \"\"x\"\"\",\"two\nlines\"\r\n")
    }
}

@Suite("Manifest cells")
struct ManifestCellTests {
    @Test(arguments: [("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""), ("+1", "'+1"), ("-2", "'-2"), ("@a", "'@a"), ("郑州大学", "郑州大学")])
    func formulasAreDefused(text: String, written: String) {
        #expect(Manifest.field(text) == written)
    }
}
