import CZip
import Foundation
import Testing
@testable import Gongwen

@Suite("Collecting returned forms")
struct CollectTests {
    // MARK: - Reading back what went in

    static var cases: [(String, OutputFormat)] {
        Fixtures.library.templates.flatMap { t in OutputFormat.allCases.map { (t.id, $0) } }
    }

    /// Every template, XLSX and DOCX: collected, and records.jsonl's `data` is input that
    /// validates to the very values that were rendered.
    @Test(arguments: cases)
    func collectsWhatWentIn(templateID: String, format: OutputFormat) throws {
        let template = try Fixtures.library.template(id: templateID)
        let validator = Fixtures.library.validator(for: template)
        let sent = try validator.validate(Fixtures.example(template.form)).values
        let folder = Fixtures.temporaryFolder()
        let file = try Self.write(templateID, sent, format: format, in: folder, name: "returned")
        let forms = try FormCollector(library: Fixtures.library, templateID: templateID).collect([file])
        #expect(forms.count == 1)
        #expect(forms[0].values == sent, "\(forms[0].problems)")
        #expect(forms[0].format == format)
        #expect(forms[0].notes.isEmpty)
        let line = try #require(String(decoding: CollectedRecords.jsonLines(forms), as: UTF8.self).split(separator: "\n").first)
        guard case .object(let record) = Fixtures.json(String(line)), let data = record["data"] else {
            Issue.record("records.jsonl line is not an object with data: \(line)")
            return
        }
        #expect(record["file"] == .string(file.displayPath))
        #expect(try validator.validate(data).values == sent)
    }

    @Test func recordsNestDottedKeysAndKeepNumbersExact() {
        let values = FormValues(values: [
            "reporter": .text("新乡市科学技术局"),
            "funds.central": .number(Decimal(string: "52.36")!),
            "funds.other": .number(Decimal(string: "0.07")!),
            "openVenues": .number(6),
        ])
        #expect(CollectedRecords.data(of: values) == .object([
            "reporter": .string("新乡市科学技术局"),
            "funds": .object(["central": .number(Decimal(string: "52.36")!), "other": .number(Decimal(string: "0.07")!)]),
            "openVenues": .number(6),
        ]))
        let form = CollectedForm(file: ReturnedFile(url: URL(fileURLWithPath: "/x/a.xlsx"), displayPath: "in/a.xlsx"),
                                 format: .xlsx, outcome: .collected(ValidatedForm(values: values, warnings: [])))
        let text = String(decoding: CollectedRecords.jsonLines([form]), as: UTF8.self)
        #expect(text == #"{"data":{"funds":{"central":52.36,"other":0.07},"openVenues":6,"reporter":"新乡市科学技术局"},"file":"in/a.xlsx"}"# + "\n")
    }

    // MARK: - Totals and the summary

    /// Three units whose funds add up only in decimal (0.1 + 0.2 + 0.07 is 0.37, which binary
    /// floats make 0.37000000000000005); one unit leaves a field empty.
    static let units: [JSONValue] = [
        Fixtures.json(#"{"reporter": "甲县", "activities": {"held": 3, "ministryTasks": 1}, "funds": {"central": 0.1, "other": 12.35}}"#),
        Fixtures.json(#"{"reporter": "乙县", "activities": {"held": 4}, "funds": {"central": 0.2, "other": 0.07}}"#),
        Fixtures.json(#"{"reporter": "丙县", "activities": {"held": 5, "ministryTasks": 2}, "funds": {"central": 0.07}, "openVenues": 1}"#),
    ]

    func collectUnits() throws -> (FormTemplate, [CollectedForm]) {
        let template = try Fixtures.library.template(id: "statistics-2022")
        let validator = Fixtures.library.validator(for: template)
        let folder = Fixtures.temporaryFolder()
        let files = try Self.units.enumerated().map { i, data in
            try Self.write(template.id, validator.validate(data).values, format: i == 1 ? .docx : .xlsx, in: folder, name: "unit\(i + 1)")
        }
        return (template, try FormCollector(library: Fixtures.library, templateID: template.id).collect(files))
    }

    @Test func totalsAreExactDecimalSums() throws {
        let (template, forms) = try collectUnits()
        #expect(forms.allSatisfy { $0.isCollected })
        let totals = FormTotals(template: template, units: forms.compactMap(\.values))
        #expect(totals.unitCount == 3)
        #expect(totals.sums["funds.central"] == Decimal(string: "0.37"))
        #expect(totals.sums["funds.other"] == Decimal(string: "12.42"))
        #expect(totals.sums["activities.held"] == 12)
        #expect(totals.sums["activities.ministryTasks"] == 3)
        #expect(totals.sums["openVenues"] == 1)
        #expect(totals.sums["staff.fullTime"] == nil, "a field no unit filled in stays empty, not 0")
        let form = totals.formValues(of: template)
        #expect(form["reporter"] == .text("合计（3 个单位）"))
        #expect(form["funds.central"] == .number(Decimal(string: "0.37")!))
    }

    @Test func statisticsSummaryHasOneRowPerUnitAndATotal() throws {
        let (template, forms) = try collectUnits()
        let table = SummaryTable.summary(of: template, forms: forms)
        let heading = table.columns.map(\.heading)
        #expect(heading.first == "序号")
        #expect(heading[1] == "部门/地方")
        #expect(heading.last == "来源文件")
        #expect(heading.count == template.fields.count + 2)
        let central = try #require(heading.firstIndex(of: "中央财政经费投入情况"))
        #expect(table.columns[central].group == "活动经费投入数量 (单位：万元)")
        #expect(table.columns[try #require(heading.firstIndex(of: "活动周期间开放的科普场馆数量"))].group == nil)
        #expect(table.rows.map { $0[1] } == [.text("甲县"), .text("乙县"), .text("丙县")])
        let total = try #require(table.totalRow)
        #expect(total[1] == .text("合计"))
        #expect(total[central] == .number(Decimal(string: "0.37")!))
        #expect(total.last == .text("3 个单位"))
    }

    /// The written workbook, read back: the 汇总 sheet's 合计 row and the statistics form
    /// filled with the totals both hold the exact sums.
    @Test func summaryWorkbookHoldsTheTotals() throws {
        let (template, forms) = try collectUnits()
        let url = Fixtures.temporaryFolder().appendingPathComponent("summary.xlsx")
        try SummaryWriter(template: template).write(forms, to: url)
        let reader = try XlsxReader(path: url)
        let sheets = try reader.sheetTargets()
        #expect(sheets.map(\.name) == ["汇总", "2022年全国科技活动周开展情况统计表"])
        let summary = try reader.sheet(at: sheets[0].path, name: sheets[0].name)
        let totalRow = try #require((0..<summary.rowCount).first { summary[$0, 1]?.text == "合计" })
        let heading = (0..<summary.columnCount).first { summary[3, $0]?.text == "中央财政经费投入情况" }
        let central = try #require(heading)
        #expect(summary[totalRow, central] == CellText(text: "0.37", isNumber: true))
        // The form sheet is the template's layout, so the form reader reads it like a returned form.
        let formSheet = try reader.sheet(at: sheets[1].path, name: sheets[1].name)
        #expect(formSheet[1, 0]?.text == "部门/地方（盖章）：合计（3 个单位）")
        let fundsRow = try #require((0..<formSheet.rowCount).first { formSheet[$0, 1]?.text == "中央财政经费投入情况" })
        #expect(formSheet[fundsRow, 2] == CellText(text: "0.37", isNumber: true))
    }

    @Test func keyProjectSummaryHasOneRowPerProject() throws {
        let template = try Fixtures.library.template(id: "key-project-2020")
        let validator = Fixtures.library.validator(for: template)
        let folder = Fixtures.temporaryFolder()
        var files: [ReturnedFile] = []
        for name in ["项目一", "项目二"] {
            let values = try validator.validate(Fixtures.json(#"{"projectName": "\#(name)", "participants": 30}"#)).values
            files.append(try Self.write(template.id, values, format: .xlsx, in: folder, name: name))
        }
        let forms = try FormCollector(library: Fixtures.library, templateID: template.id).collect(files)
        let table = SummaryTable.summary(of: template, forms: forms)
        #expect(table.columns.map(\.heading) == ["序号"] + template.fields.map(\.label) + ["来源文件"])
        #expect(table.rows.map { $0[1] } == [.text("项目一"), .text("项目二")])
        #expect(table.totalRow == nil)
    }

    @Test func openInstitutionSummaryListsEveryInstitutionWithItsUnit() throws {
        let template = try Fixtures.library.template(id: "open-institution-2020")
        let validator = Fixtures.library.validator(for: template)
        let folder = Fixtures.temporaryFolder()
        let a = try validator.validate(Fixtures.json(#"{"reporter": "甲市", "rows": [{"name": "研究所一"}, {"name": "大学一"}]}"#)).values
        let b = try validator.validate(Fixtures.json(#"{"reporter": "乙市", "rows": [{"name": "研究所二"}]}"#)).values
        let files = [try Self.write(template.id, a, format: .xlsx, in: folder, name: "a"),
                     try Self.write(template.id, b, format: .docx, in: folder, name: "b")]
        let forms = try FormCollector(library: Fixtures.library, templateID: template.id).collect(files)
        let table = SummaryTable.summary(of: template, forms: forms)
        #expect(Array(table.columns.map(\.heading).prefix(3)) == ["序号", "填报单位", "单位名称"])
        #expect(table.rows.map { [$0[1], $0[2]] } == [
            [.text("甲市"), .text("研究所一")], [.text("甲市"), .text("大学一")], [.text("乙市"), .text("研究所二")],
        ])
    }

    @Test func aUnitReturnedTwiceIsPointedOut() throws {
        let template = try Fixtures.library.template(id: "statistics-2022")
        let values = try Fixtures.library.validator(for: template).validate(Self.units[0]).values
        let folder = Fixtures.temporaryFolder()
        let files = [try Self.write(template.id, values, format: .xlsx, in: folder, name: "first"),
                     try Self.write(template.id, values, format: .docx, in: folder, name: "again")]
        let forms = try FormCollector(library: Fixtures.library, templateID: template.id).collect(files)
        #expect(forms.allSatisfy { $0.isCollected })
        #expect(forms[0].notes.isEmpty)
        #expect(forms[1].notes == [.repeats(subject: "甲县", earlierFile: files[0].displayPath)])
    }

    // MARK: - Bad files

    /// One folder of good and bad files: each bad one is refused for its own reason, the good
    /// ones are collected all the same, and the summary lists the refused files.
    @Test func badFilesAreRefusedAndTheRestCollected() throws {
        let template = try Fixtures.library.template(id: "statistics-2022")
        let values = try Fixtures.library.validator(for: template).validate(Self.units[0]).values
        let folder = Fixtures.temporaryFolder()
        let good = try Self.write(template.id, values, format: .xlsx, in: folder, name: "01-good")
        try Data("部门/地方,举办活动次数\n".utf8).write(to: folder.appendingPathComponent("02-not-a-zip.xlsx"))
        let bytes = try Data(contentsOf: good.url)
        try bytes.prefix(bytes.count / 2).write(to: folder.appendingPathComponent("03-truncated.xlsx"))
        try Data(LegacyFile.compoundFileSignature + [UInt8](repeating: 0, count: 504))
            .write(to: folder.appendingPathComponent("04-saved-as-xls.xlsx"))
        try Self.replacingSheet(of: good.url, with: Self.entityBomb, to: folder.appendingPathComponent("05-entity-bomb.xlsx"))
        let other = try Fixtures.library.template(id: "key-project-2020")
        let project = try Fixtures.library.validator(for: other).validate(Fixtures.example(.keyProject)).values
        let docx = try Self.write(other.id, project, format: .docx, in: Fixtures.temporaryFolder(), name: "project")
        try FileManager.default.copyItem(at: docx.url, to: folder.appendingPathComponent("06-other-form.xlsx"))
        try Data().write(to: folder.appendingPathComponent("07-empty.xlsx"))

        let forms = try FormCollector(library: Fixtures.library, templateID: template.id).collect(ReturnedFiles.list([folder.path]))
        #expect(forms.map(\.file.name) == ["01-good.xlsx", "02-not-a-zip.xlsx", "03-truncated.xlsx", "04-saved-as-xls.xlsx",
                                           "05-entity-bomb.xlsx", "06-other-form.xlsx", "07-empty.xlsx"])
        #expect(forms[0].values == values)
        let errors = forms.dropFirst().map { form -> ReadError? in
            if case .refused(let error) = form.outcome { return error }
            return nil
        }
        guard case .notAnArchive? = errors[0] else { Issue.record("not a zip: \(String(describing: errors[0]))"); return }
        guard case .notAnArchive? = errors[1] else { Issue.record("truncated: \(String(describing: errors[1]))"); return }
        guard case .notAnArchive(_, let legacy)? = errors[2], legacy.contains("另存为") else {
            Issue.record("an .xls should be told to be saved again: \(String(describing: errors[2]))")
            return
        }
        #expect(errors[3] == .entityDeclaration(file: "05-entity-bomb.xlsx", part: "xl/worksheets/sheet1.xml"))
        #expect(errors[4] == .wrongFormat(file: "06-other-form.xlsx", extension: "xlsx", content: "DOCX"))
        guard case .notAnArchive(_, let empty)? = errors[5], empty.contains("空") else {
            Issue.record("an empty file should be called empty: \(String(describing: errors[5]))")
            return
        }
        for form in forms.dropFirst() {
            #expect(!form.problems.isEmpty && !form.problems[0].hasPrefix(form.file.name), "the report line names the file once")
        }
        let failures = try #require(SummaryTable.failures(forms))
        #expect(failures.rows.count == 6)
        #expect(failures.rows.map { $0[1] } == forms.dropFirst().map { .text($0.file.displayPath) })
    }

    /// A sheet part of 200 MB of spaces, 200 KB deflated: refused by `ReadLimits.form`'s bound
    /// on a part, which the reader enforces while inflating, so it stops at 32 MB and fast.
    @Test func aZipBombIsRefusedAtTheFormLimit() throws {
        let template = try Fixtures.library.template(id: "statistics-2022")
        let values = try Fixtures.library.validator(for: template).validate(Self.units[0]).values
        let folder = Fixtures.temporaryFolder()
        let good = try Self.write(template.id, values, format: .xlsx, in: folder, name: "good")
        let bomb = folder.appendingPathComponent("bomb.xlsx")
        try Self.writeZipBomb(from: good.url, to: bomb, inflatedBytes: 200 << 20)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: bomb.path)[.size] as? Int)
        #expect(size < 2 << 20, "the bomb is small on disk: \(size) bytes")
        let collector = try FormCollector(library: Fixtures.library, templateID: template.id)
        let started = Date()
        let forms = collector.collect([ReturnedFile(url: bomb, displayPath: "bomb.xlsx"), good])
        #expect(Date().timeIntervalSince(started) < 10)
        guard case .refused(let error) = forms[0].outcome else { Issue.record("bomb collected"); return }
        #expect(error == .tooLarge(file: "bomb.xlsx", part: "xl/worksheets/sheet1.xml", limit: ReadLimits.form.partBytes))
        #expect(forms[1].isCollected)
    }

    /// A sheet whose dimension, or one of whose cells, lies beyond what a form can have.
    @Test(arguments: [
        #"<dimension ref="A1:C100000"/><sheetData/>"#,
        #"<sheetData><row r="9000"><c r="A9000"><v>1</v></c></row></sheetData>"#,
        #"<sheetData><row r="1"><c r="ZZ1"><v>1</v></c></row></sheetData>"#,
    ])
    func aSheetLargerThanAFormIsRefused(sheetData: String) throws {
        let template = try Fixtures.library.template(id: "statistics-2022")
        let values = try Fixtures.library.validator(for: template).validate(Self.units[0]).values
        let folder = Fixtures.temporaryFolder()
        let good = try Self.write(template.id, values, format: .xlsx, in: folder, name: "good")
        let huge = folder.appendingPathComponent("huge.xlsx")
        try Self.replacingSheet(of: good.url, with: Data((Self.sheetHead + sheetData + "</worksheet>").utf8), to: huge)
        let form = try FormCollector(library: Fixtures.library, templateID: template.id)
            .collect(ReturnedFile(url: huge, displayPath: "huge.xlsx"))
        guard case .refused(let error) = form.outcome else { Issue.record("a huge sheet was collected"); return }
        guard case .sheetTooLarge = error else {
            Issue.record("expected sheetTooLarge, got \(error)")
            return
        }
    }

    /// A DOCX renamed .xlsx is not what was asked for: refused with a message that says so,
    /// even when its content is a valid form of this template.
    @Test func aDocxRenamedXlsxIsRefused() throws {
        let template = try Fixtures.library.template(id: "statistics-2022")
        let values = try Fixtures.library.validator(for: template).validate(Self.units[0]).values
        let folder = Fixtures.temporaryFolder()
        let docx = try Self.write(template.id, values, format: .docx, in: folder, name: "unit")
        let renamed = folder.appendingPathComponent("unit.xlsx")
        try FileManager.default.moveItem(at: docx.url, to: renamed)
        let form = try FormCollector(library: Fixtures.library, templateID: template.id)
            .collect(ReturnedFile(url: renamed, displayPath: "unit.xlsx"))
        guard case .refused(let error) = form.outcome else { Issue.record("a renamed DOCX was collected"); return }
        #expect(error == .wrongFormat(file: "unit.xlsx", extension: "xlsx", content: "DOCX"))
    }

    // MARK: - Finding the files

    @Test func foldersAreWalkedInOrderSkippingHiddenAndLockFiles() throws {
        let folder = Fixtures.temporaryFolder()
        let sub = folder.appendingPathComponent("二区")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        for name in ["单位10.xlsx", "单位2.docx", ".hidden.xlsx", "~$单位2.docx", "notes.txt", "old.xls"] {
            try Data().write(to: folder.appendingPathComponent(name))
        }
        try Data().write(to: sub.appendingPathComponent("单位1.xlsx"))
        let files = try ReturnedFiles.list([folder.path, folder.appendingPathComponent("单位2.docx").path])
        // Sorted by the path inside the folder, numbers as numbers: 二区/… (U+4E8C) before 单位… (U+5355).
        #expect(files.map(\.displayPath) == ["二区/单位1.xlsx", "单位2.docx", "单位10.xlsx"].map { folder.path + "/" + $0 })
        #expect(files.count == 3, "a file named twice is collected once")
        #expect(throws: CollectInputError.missing(path: folder.path + "/nope")) { try ReturnedFiles.list([folder.path + "/nope"]) }
        let empty = Fixtures.temporaryFolder()
        #expect(throws: CollectInputError.noForms(paths: [empty.path])) { try ReturnedFiles.list([empty.path]) }
    }

    // MARK: - Helpers

    static func write(_ templateID: String, _ values: FormValues, format: OutputFormat, in folder: URL, name: String) throws -> ReturnedFile {
        let template = try Fixtures.library.template(id: templateID)
        let url = folder.appendingPathComponent("\(name).\(format.fileExtension)")
        try FormRenderer(library: Fixtures.library).write(template, values: values, format: format, to: url)
        return ReturnedFile(url: url, displayPath: url.path)
    }

    static let sheetHead = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#

    /// Billion laughs: ten levels of ten references each.
    static var entityBomb: Data {
        var doctype = #"<!DOCTYPE worksheet [<!ENTITY e0 "lol">"#
        for level in 1...9 {
            doctype += "<!ENTITY e\(level) \"" + String(repeating: "&e\(level - 1);", count: 10) + "\">"
        }
        doctype += "]>"
        return Data((#"<?xml version="1.0"?>"# + doctype + String(sheetHead.drop { $0 != ">" }.dropFirst())
                     + #"<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e9;</t></is></c></row></sheetData></worksheet>"#).utf8)
    }

    /// A copy of the workbook at `source` whose first sheet is `sheet`.
    static func replacingSheet(of source: URL, with sheet: Data, to destination: URL) throws {
        let reader = try ZipArchiveReader(path: source.path)
        let writer = try ZipArchiveWriter(path: destination.path)
        for name in reader.names {
            try writer.add(name, name == "xl/worksheets/sheet1.xml" ? sheet : try #require(try reader.read(name)))
        }
        try writer.close()
    }

    /// A copy of the workbook at `source` whose first sheet is well-formed XML padded with
    /// `inflatedBytes` spaces. The spaces go to a file on disk in chunks and libzip deflates
    /// that file as it writes the archive, so the test never holds the bomb in memory.
    static func writeZipBomb(from source: URL, to destination: URL, inflatedBytes: Int) throws {
        let spaces = destination.deletingLastPathComponent().appendingPathComponent("spaces.xml")
        try Data(sheetHead.utf8).write(to: spaces)
        let handle = try FileHandle(forWritingTo: spaces)
        try handle.seekToEnd()
        let chunk = Data(repeating: 0x20, count: 1 << 20)
        for _ in 0..<(inflatedBytes >> 20) { try handle.write(contentsOf: chunk) }
        try handle.write(contentsOf: Data("<sheetData/></worksheet>".utf8))
        try handle.close()
        defer { try? FileManager.default.removeItem(at: spaces) }

        let reader = try ZipArchiveReader(path: source.path)
        var code: Int32 = 0
        let archive = try #require(zip_open(destination.path, ZIP_CREATE | ZIP_TRUNCATE, &code))
        var buffers: [UnsafeMutableRawPointer] = []
        for name in reader.names {
            let index: Int64
            if name == "xl/worksheets/sheet1.xml" {
                let file = try #require(zip_source_file(archive, spaces.path, 0, -1))
                index = zip_file_add(archive, name, file, zip_flags_t(ZIP_FL_ENC_UTF_8))
            } else {
                let data = try #require(try reader.read(name))
                let buffer = malloc(max(data.count, 1))!
                data.withUnsafeBytes { if let base = $0.baseAddress { memcpy(buffer, base, data.count) } }
                buffers.append(buffer)
                let source = try #require(zip_source_buffer(archive, buffer, zip_uint64_t(data.count), 0))
                index = zip_file_add(archive, name, source, zip_flags_t(ZIP_FL_ENC_UTF_8))
            }
            #expect(index >= 0)
            zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_DEFLATE, 9)
        }
        #expect(zip_close(archive) == 0)
        buffers.forEach { free($0) }
    }
}
