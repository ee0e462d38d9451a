import Foundation
import Testing
@testable import Gongwen

/// A returned DOCX is read as a person sees it in Word with its tracked changes accepted:
/// inserted text counts and deleted text does not, a content control shows its content but
/// not its placeholder prompt, a field shows its result and not its instruction, hidden text
/// is hidden. A cell whose text cannot be read that way (a nested table, a text box, a field
/// to be updated, a tracked change to the grid) refuses the file, naming the cell and field.
@Suite("Text of returned DOCX forms")
struct DocxReturnedTextTests {
    static let namespaces = #"<w:document xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#
        + #"xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" "#

    /// The key-project example as a DOCX whose table cell showing `text` is replaced by what
    /// `cell` makes of it (the whole `<w:tc>`); the whole document may be edited further.
    func returned(editingCellWith text: String, _ cell: @escaping (String) -> String,
                  document: @escaping (String) -> String = { $0 }) throws -> ReturnedFile {
        let folder = Fixtures.temporaryFolder()
        let good = try ReturnedFileEdits.render("key-project-2020", Fixtures.example(.keyProject), format: .docx, in: folder, name: "good")
        return try ReturnedFileEdits.copy(good.url, to: folder.appendingPathComponent("returned.docx"), editing: [
            "word/document.xml": { xml in
                var xml = xml.replacingOccurrences(of: "<w:document ", with: Self.namespaces)
                let range = Self.element("w:tc", around: text, in: xml)
                xml.replaceSubrange(range, with: cell(String(xml[range])))
                return document(xml)
            },
        ])
    }

    /// The cell with its paragraphs replaced by `paragraphs`.
    static func cell(_ cell: String, paragraphs: String) -> String {
        let properties = cell.range(of: "</w:tcPr>")!.upperBound
        return String(cell[..<properties]) + paragraphs + "</w:tc>"
    }

    /// The range of the innermost `<tag>…</tag>` (written without attributes) around `text`.
    static func element(_ tag: String, around text: String, in xml: String) -> Range<String.Index> {
        let at = xml.range(of: text)!
        let start = xml.range(of: "<\(tag)>", options: .backwards, range: xml.startIndex..<at.lowerBound)!.lowerBound
        let end = xml.range(of: "</\(tag)>", range: at.upperBound..<xml.endIndex)!.upperBound
        return start..<end
    }

    func read(_ file: ReturnedFile) throws -> [String: JSONValue] {
        let template = try Fixtures.library.template(id: "key-project-2020")
        guard case .object(let data) = try FormReader(template: template).read(file.url) else { return [:] }
        return data
    }

    /// Collected with a good file: the returned one refused naming `words`, the good one collected.
    func expectRefused(_ file: ReturnedFile, naming words: [String], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let good = try ReturnedFileEdits.render("key-project-2020", Fixtures.example(.keyProject), format: .docx,
                                                in: Fixtures.temporaryFolder(), name: "other")
        let forms = try FormCollector(library: Fixtures.library, templateID: "key-project-2020").collect([file, good])
        guard case .refused = forms[0].outcome else {
            Issue.record("collected as \(String(describing: forms[0].values)), problems \(forms[0].problems)", sourceLocation: sourceLocation)
            return
        }
        let line = forms[0].problems.joined(separator: "；")
        for word in words { #expect(line.contains(word), "“\(word)” missing from: \(line)", sourceLocation: sourceLocation) }
        #expect(forms[1].isCollected, sourceLocation: sourceLocation)
    }

    // MARK: - Tracked changes

    @Test func insertedTextCountsAndDeletedTextDoesNot() throws {
        let file = try returned(editingCellWith: "郑州市科学技术馆") {
            Self.cell($0, paragraphs: #"<w:p><w:r><w:t>郑州市</w:t></w:r><w:del w:id="1" w:author="甲"><w:r><w:delText>旧馆</w:delText></w:r></w:del>"#
                + #"<w:ins w:id="2" w:author="甲"><w:r><w:t>科学</w:t></w:r></w:ins><w:moveFrom w:id="3" w:author="甲"><w:r><w:t>移走的字</w:t></w:r></w:moveFrom>"#
                + #"<w:moveTo w:id="4" w:author="甲"><w:r><w:t>技术馆</w:t></w:r></w:moveTo></w:p>"#)
        }
        #expect(try read(file)["organizer"] == .string("郑州市科学技术馆"))
    }

    @Test func aDeletedParagraphMarkJoinsItsParagraphToTheNext() throws {
        let file = try returned(editingCellWith: "郑州市科学技术馆") {
            Self.cell($0, paragraphs: #"<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="甲"/></w:rPr></w:pPr><w:r><w:t>郑州市</w:t></w:r></w:p>"#
                + #"<w:p><w:r><w:t>科学技术馆</w:t></w:r></w:p>"#)
        }
        #expect(try read(file)["organizer"] == .string("郑州市科学技术馆"))
    }

    /// A tracked change to a cell's properties keeps the old ones inside it: an old span of
    /// two must not push the next cells one column on.
    @Test func theOldPropertiesOfATrackedChangeDoNotMoveTheCells() throws {
        let file = try returned(editingCellWith: "郑州市科学技术馆") {
            $0.replacingOccurrences(of: "</w:tcPr>",
                                    with: #"<w:tcPrChange w:id="6" w:author="甲"><w:tcPr><w:gridSpan w:val="2"/></w:tcPr></w:tcPrChange></w:tcPr>"#)
        }
        let data = try read(file)
        #expect(data["organizer"] == .string("郑州市科学技术馆"))
        #expect(data["supervisor"] == .string("郑州市科学技术局"))
    }

    @Test func aDeletedRowRefusesTheFile() throws {
        let file = try returned(editingCellWith: "郑州市科学技术馆", { $0 }) { xml in
            var xml = xml
            let row = Self.element("w:tr", around: "郑州市科学技术馆", in: xml)
            let properties = xml.range(of: "</w:trPr>", range: row)!
            xml.replaceSubrange(properties, with: #"<w:del w:id="7" w:author="甲" w:date="2024-01-01T00:00:00Z"/></w:trPr>"#)
            return xml
        }
        try expectRefused(file, naming: ["表格第", "删除的行", "tracked table change"])
    }

    // MARK: - Content controls and fields

    @Test func aContentControlShowingItsPlaceholderIsEmpty() throws {
        let file = try returned(editingCellWith: "郑州市科学技术馆") {
            Self.cell($0, paragraphs: #"<w:sdt><w:sdtPr><w:alias w:val="主办单位"/><w:showingPlcHdr/></w:sdtPr>"#
                + #"<w:sdtContent><w:p><w:r><w:t>单击或点击此处输入文字。</w:t></w:r></w:p></w:sdtContent></w:sdt>"#)
        }
        #expect(try read(file)["organizer"] == nil)
    }

    @Test func aContentControlShowsItsContent() throws {
        let inParagraph = try returned(editingCellWith: "郑州市科学技术馆") {
            Self.cell($0, paragraphs: #"<w:p><w:sdt><w:sdtPr><w:alias w:val="主办单位"/></w:sdtPr><w:sdtContent>"#
                + #"<w:r><w:t>郑州市科学技术馆</w:t></w:r></w:sdtContent></w:sdt></w:p>"#)
        }
        #expect(try read(inParagraph)["organizer"] == .string("郑州市科学技术馆"))
        let aroundTheCell = try returned(editingCellWith: "郑州市科学技术馆") { #"<w:sdt><w:sdtPr/><w:sdtContent>\#($0)</w:sdtContent></w:sdt>"# }
        let data = try read(aroundTheCell)
        #expect(data["organizer"] == .string("郑州市科学技术馆"))
        #expect(data["supervisor"] == .string("郑州市科学技术局"))
    }

    /// IF { MERGEFIELD 单位 } = "" "…" "…": Word shows the outer field's result; the inner
    /// field's result is part of the instruction.
    @Test func aFieldShowsItsResultAndNotItsInstruction() throws {
        let file = try returned(editingCellWith: "郑州市科学技术局") {
            Self.cell($0, paragraphs: #"<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> IF </w:instrText></w:r>"#
                + #"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> MERGEFIELD 单位 </w:instrText></w:r>"#
                + #"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>内层结果</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#
                + #"<w:r><w:instrText> = "" "无" "有" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#
                + #"<w:r><w:t>郑州市</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#
                + #"<w:fldSimple w:instr=" DOCPROPERTY 主管 "><w:r><w:t>科学技术局</w:t></w:r></w:fldSimple></w:p>"#)
        }
        #expect(try read(file)["supervisor"] == .string("郑州市科学技术局"))
    }

    /// A field Word updates on opening shows something else than the result saved.
    @Test func aFieldToBeUpdatedRefusesTheFile() throws {
        let file = try returned(editingCellWith: "2020 年 8 月 23 日至 29 日") {
            Self.cell($0, paragraphs: #"<w:p><w:fldSimple w:instr=" DATE \@ &quot;yyyy 年 M 月 d 日&quot; " w:dirty="true"><w:r><w:t>2020 年 8 月 23 日</w:t></w:r></w:fldSimple></w:p>"#)
        }
        try expectRefused(file, naming: ["表格第", "period", "举办时间", "DATE", "field to be updated"])
    }

    // MARK: - Text that is not shown, and text that is

    @Test func hiddenTextIsNotReadAndANonBreakingHyphenIsAHyphen() throws {
        let file = try returned(editingCellWith: "0371-67183769") {
            Self.cell($0, paragraphs: #"<w:p><w:r><w:t>0371</w:t></w:r><w:r><w:noBreakHyphen/></w:r><w:r><w:t>67183769</w:t></w:r>"#
                + #"<w:r><w:rPr><w:vanish/></w:rPr><w:t>（内部）</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t></w:t></w:r></w:p>"#)
        }
        #expect(try read(file)["phone"] == .string("0371-67183769"))
    }

    // MARK: - Text not in the cell

    @Test func aNestedTableRefusesTheFile() throws {
        let file = try returned(editingCellWith: "郑州市科学技术馆") {
            Self.cell($0, paragraphs: #"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>郑州市科学技术馆</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/>"#)
        }
        try expectRefused(file, naming: ["表格第", "organizer", "主办单位", "nested table"])
    }

    /// A text box anchored in the cell, as Word writes it: the DrawingML shape and its VML
    /// fallback, each holding the text once.
    @Test func aTextBoxInACellRefusesTheFile() throws {
        let box = #"<w:txbxContent><w:p><w:r><w:t>科学技术馆</w:t></w:r></w:p></w:txbxContent>"#
        let file = try returned(editingCellWith: "郑州市科学技术馆") {
            Self.cell($0, paragraphs: #"<w:p><w:r><w:t>郑州市</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>"#
                + #"<a:graphic><a:graphicData><wps:wsp><wps:txbx>\#(box)</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing>"#
                + #"</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>\#(box)</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#)
        }
        try expectRefused(file, naming: ["表格第", "organizer", "主办单位", "text box"])
    }
}
