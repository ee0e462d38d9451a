import Foundation
import Testing
@testable import Gongwen

/// Cells of a returned XLSX that cannot be read as what the person who filled it sees: each
/// refuses its file, the report naming the cell and the field bound there, and the other
/// files of the run are collected all the same. Cells of the wrong kind for their field are
/// refused the same way; a date in a text field is read as the date it shows, with a note.
@Suite("Broken cells of returned XLSX forms")
struct BrokenCellTests {
    /// A good file and a copy whose cell for `key` is what `cell` makes of its reference
    /// (and whose other parts `edits` changes), collected in one run: (the copy, the good one).
    func collect(_ templateID: String = "statistics-2022", _ data: JSONValue = ReturnedFileEdits.statistics, key: String,
                 cell: ((String) -> String)?, edits: [String: (String) -> String?] = [:]) throws -> (CollectedForm, CollectedForm, String) {
        let folder = Fixtures.temporaryFolder()
        let good = try ReturnedFileEdits.render(templateID, data, format: .xlsx, in: folder, name: "01-good")
        let place = try ReturnedFileEdits.cell(of: key, in: templateID)
        var edits = edits
        if let cell {
            edits["xl/worksheets/sheet1.xml"] = { ReturnedFileEdits.replacingCell(place.reference, in: $0, with: cell(place.reference)) }
        }
        let bad = try ReturnedFileEdits.copy(good.url, to: folder.appendingPathComponent("02-bad.xlsx"), editing: edits)
        let forms = try FormCollector(library: Fixtures.library, templateID: templateID).collect([bad, good])
        return (forms[0], forms[1], place.reference)
    }

    /// The bad file is refused with a line naming the cell, the field's key and label, and
    /// the reason; the good one is collected; the summary's 未收录 sheet lists the bad one.
    func expectRefused(_ bad: CollectedForm, _ good: CollectedForm, naming words: [String],
                       sourceLocation: SourceLocation = #_sourceLocation) {
        guard case .refused = bad.outcome else {
            Issue.record("collected as \(String(describing: bad.values)), problems \(bad.problems)", sourceLocation: sourceLocation)
            return
        }
        let line = bad.problems.joined(separator: "；")
        for word in words {
            #expect(line.contains(word), "“\(word)” missing from: \(line)", sourceLocation: sourceLocation)
        }
        #expect(good.isCollected, "\(good.problems)", sourceLocation: sourceLocation)
        let failures = SummaryTable.failures([bad, good])
        #expect(failures?.rows.count == bad.problems.count, sourceLocation: sourceLocation)
    }

    // MARK: - Cells that cannot be read

    @Test(arguments: ["#DIV/0!", "#N/A", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"])
    func aFormulaErrorRefusesTheFile(value: String) throws {
        let (bad, good, reference) = try collect(key: "activities.held") { #"<c r="\#($0)" s="5" t="e"><f>C9/0</f><v>\#(value)</v></c>"# }
        expectRefused(bad, good, naming: [reference, "activities.held", "举办活动次数", value, "formula error"])
    }

    /// A formula saved by a program that does not calculate: no `<v>`, an empty one (as
    /// openpyxl writes), a string formula without its result.
    @Test(arguments: [#"<f>SUM(C9:C10)</f>"#, #"<f>SUM(C9:C10)</f><v></v>"#, #"<f>SUM(C9:C10)</f><v/>"#])
    func aFormulaWithoutItsResultRefusesTheFile(content: String) throws {
        let (bad, good, reference) = try collect(key: "activities.held") { #"<c r="\#($0)">\#(content)</c>"# }
        expectRefused(bad, good, naming: [reference, "activities.held", "举办活动次数", "SUM(C9:C10)", "cached value"])
        let (text, other, _) = try collect(key: "activities.held") { #"<c r="\#($0)" t="b"><f>C9&gt;0</f></c>"# }
        expectRefused(text, other, naming: ["C9>0", "cached value"])
    }

    @Test(arguments: ["99999", "-1", "x", "1.5"])
    func aSharedStringIndexThatIsNotThereRefusesTheFile(index: String) throws {
        let (bad, good, reference) = try collect(key: "activities.held") { #"<c r="\#($0)" t="s"><v>\#(index)</v></c>"# }
        expectRefused(bad, good, naming: [reference, "activities.held", "举办活动次数", index, "shared-string index"])
    }

    /// Without its shared strings every label is unreadable: the file is refused, and the
    /// report says so of every cell (here fewer than the hundred it lists at most).
    @Test func aWorkbookWithoutItsSharedStringsIsRefused() throws {
        let (bad, good, _) = try collect(key: "activities.held", cell: nil, edits: ["xl/sharedStrings.xml": { _ in nil }])
        expectRefused(bad, good, naming: ["A2", "shared strings missing"])
        #expect(bad.problems.count > 10 && bad.problems.count <= 101)
    }

    /// A number cell holding what Excel never writes as a number: not to be read as text.
    @Test(arguments: ["abc", "inf", "nan", "0x1p3", "1e400", "1,5", "3 4"])
    func aNumberCellWithoutANumberRefusesTheFile(content: String) throws {
        let (bad, good, reference) = try collect(key: "activities.held") { #"<c r="\#($0)" s="5"><v>\#(content)</v></c>"# }
        expectRefused(bad, good, naming: [reference, "activities.held", content, "number cell without a number"])
    }

    @Test(arguments: [("t=\"x\"", "unknown cell type"), ("t=\"b\"", "bad boolean")])
    func aCellOfAnUnknownKindRefusesTheFile(type: String, reason: String) throws {
        let (bad, good, reference) = try collect(key: "activities.held") { #"<c r="\#($0)" \#(type)><v>7</v></c>"# }
        expectRefused(bad, good, naming: [reference, "activities.held", reason])
    }

    // MARK: - Cells that cannot be placed

    /// A reference that names no cell used to put the value in the next column: silently
    /// into another field, or nowhere.
    @Test(arguments: ["C0", "5C", "C+9", "C9x", "XFE9", "C1048577", ""])
    func aMalformedReferenceRefusesTheFile(reference: String) throws {
        let (bad, good, _) = try collect(key: "activities.held") { _ in #"<c r="\#(reference)" s="5"><v>7</v></c>"# }
        expectRefused(bad, good, naming: ["bad cell reference"])
    }

    @Test func aCellOutsideItsRowRefusesTheFile() throws {
        let (bad, good, reference) = try collect(key: "activities.held") { _ in #"<c r="C99" s="5"><v>7</v></c>"# }
        expectRefused(bad, good, naming: ["C99", "outside its row"])
        #expect(!bad.problems.joined().contains(reference + "（"))
    }

    /// The same cell twice: the second used to win without a word.
    @Test func aCellWrittenTwiceRefusesTheFile() throws {
        let (bad, good, reference) = try collect(key: "activities.held") {
            #"<c r="\#($0)" s="5"><v>3</v></c><c r="\#($0)" s="5"><v>300</v></c>"#
        }
        expectRefused(bad, good, naming: [reference, "activities.held", "duplicate cell"])
    }

    /// The same cell again in a second element for its row.
    @Test func aRowWrittenTwiceRefusesTheFile() throws {
        let place = try ReturnedFileEdits.cell(of: "activities.held", in: "statistics-2022")
        let (bad, good, reference) = try collect(key: "activities.held", cell: nil, edits: [
            "xl/worksheets/sheet1.xml": {
                $0.replacingOccurrences(of: "</sheetData>", with: #"<row r="\#(place.row + 1)"><c r="\#(place.reference)"><v>300</v></c></row></sheetData>"#)
            },
        ])
        expectRefused(bad, good, naming: [reference, "activities.held", "duplicate cell"])
    }

    @Test func aRowNumberThatIsNotOneRefusesTheFile() throws {
        let (bad, good, _) = try collect(key: "activities.held", cell: nil, edits: [
            "xl/worksheets/sheet1.xml": { $0.replacingOccurrences(of: #"<row r="5""#, with: #"<row r="five""#) },
        ])
        expectRefused(bad, good, naming: ["five", "bad row number"])
    }

    // MARK: - Cells of the wrong kind for their field

    @Test func aBooleanInANumberFieldRefusesTheFile() throws {
        let (bad, good, reference) = try collect(key: "activities.held") { #"<c r="\#($0)" s="5" t="b"><v>1</v></c>"# }
        expectRefused(bad, good, naming: [reference, "activities.held", "举办活动次数", "TRUE", "boolean in a number field"])
    }

    /// 3-5 typed into a count cell: Excel makes it the date 3月5日, day number 45356.
    @Test func aDateInANumberFieldRefusesTheFile() throws {
        var style = 0
        let (bad, good, reference) = try collect(key: "activities.held", cell: { #"<c r="\#($0)" s="\#(style)"><v>45356</v></c>"# }, edits: [
            "xl/styles.xml": { let (styles, index) = ReturnedFileEdits.addingNumberFormat($0, id: 58); style = index; return styles },
        ])
        expectRefused(bad, good, naming: [reference, "activities.held", "2024-03-05", "date in a number field"])
    }

    // MARK: - Cells read as they show

    /// Rich text runs are joined; the phonetic guide above them is not part of the text.
    @Test func anInlineStringWithRunsReadsAsItsJoinedText() throws {
        let (form, _, _) = try collect("key-project-2020", Fixtures.example(.keyProject), key: "organizer") {
            #"<c r="\#($0)" s="3" t="inlineStr"><is><r><t>郑州市</t></r><r><rPr><b/></rPr><t xml:space="preserve">科学技术馆</t></r><rPh sb="0" eb="3"><t>zhengzhoushi</t></rPh></is></c>"#
        }
        #expect(form.values?["organizer"] == .text("郑州市科学技术馆"), "\(form.problems)")
    }

    @Test func aStringFormulaReadsAsItsResult() throws {
        let (form, _, _) = try collect("key-project-2020", Fixtures.example(.keyProject), key: "organizer") {
            #"<c r="\#($0)" s="3" t="str"><f>"郑州市"&amp;"科学技术馆"</f><v>郑州市科学技术馆</v></c>"#
        }
        #expect(form.values?["organizer"] == .text("郑州市科学技术馆"), "\(form.problems)")
    }

    /// 2020/8/23 typed into 举办时间: Excel stores day 44066 with a date format. Read as the
    /// date the person saw, and said so in a note.
    @Test(arguments: [(14, nil), (164, #"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"#), (170, "[$-804]yyyy/m/d h:mm")] as [(Int, String?)])
    func aDateInATextFieldReadsAsTheDateItShows(format: Int, code: String?) throws {
        var style = 0
        let time = format == 170 ? ".5" : ""
        let (form, _, reference) = try collect("key-project-2020", Fixtures.example(.keyProject), key: "period", cell: {
            #"<c r="\#($0)" s="\#(style)"><v>44066\#(time)</v></c>"#
        }, edits: [
            "xl/styles.xml": { let (styles, index) = ReturnedFileEdits.addingNumberFormat($0, id: format, code: code); style = index; return styles },
        ])
        let shown = format == 170 ? "2020-08-23 12:00" : "2020-08-23"
        #expect(form.values?["period"] == .text(shown), "\(form.problems)")
        let notes = form.notes.map(\.description)
        #expect(notes.count == 1 && notes.allSatisfy { $0.contains(reference) && $0.contains("举办时间") && $0.contains("44066") },
                "\(notes)")
    }

    /// A number without a date format in a text field is the number, as before.
    @Test func aPlainNumberInATextFieldReadsAsTheNumber() throws {
        let (form, _, _) = try collect("key-project-2020", Fixtures.example(.keyProject), key: "period") { #"<c r="\#($0)" s="3"><v>44066</v></c>"# }
        #expect(form.values?["period"] == .text("44066"))
        #expect(form.notes.isEmpty)
    }
}
