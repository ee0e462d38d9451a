import Foundation
import Testing
@testable import Gongwen

/// Returned files whose package, not a cell, is odd: each is read as the package says, or
/// refused with a reason a person can act on.
@Suite("Packages of returned forms")
struct ReturnedPackageTests {
    /// `./worksheets/../worksheets/sheet1.xml` is the sheet, as a package resolves its names.
    @Test func aRelationshipTargetWithDotSegmentsNamesThePartItResolvesTo() throws {
        let folder = Fixtures.temporaryFolder()
        let good = try ReturnedFileEdits.render("statistics-2022", ReturnedFileEdits.statistics, format: .xlsx, in: folder, name: "good")
        let dotted = try ReturnedFileEdits.copy(good.url, to: folder.appendingPathComponent("dotted.xlsx"), editing: [
            "xl/_rels/workbook.xml.rels": {
                $0.replacingOccurrences(of: #"Target="worksheets/sheet1.xml""#, with: #"Target="./worksheets/../worksheets/sheet1.xml""#)
            },
        ])
        let forms = try FormCollector(library: Fixtures.library, templateID: "statistics-2022").collect([dotted, good])
        #expect(forms[0].values == forms[1].values && forms[0].isCollected, "\(forms[0].problems)")
    }

    /// An .xlsx saved with a password to open it is a compound file, like an .xls: the unit
    /// must take the password off, not save it again in another format.
    @Test func aFormWithAPasswordToOpenItIsToldSo() throws {
        let url = Fixtures.temporaryFolder().appendingPathComponent("locked.xlsx")
        var bytes = LegacyFile.compoundFileSignature + [UInt8](repeating: 0, count: 1016)
        bytes += "EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [UInt8](repeating: 0, count: 36)
        bytes += "EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } + [UInt8](repeating: 0, count: 32)
        try Data(bytes).write(to: url)
        let form = try FormCollector(library: Fixtures.library, templateID: "statistics-2022")
            .collect(ReturnedFile(url: url, displayPath: "locked.xlsx"))
        #expect(form.problems.count == 1 && form.problems[0].contains("密码") && form.problems[0].contains("encrypted"), "\(form.problems)")
    }

    /// A sheet part cut off two thirds in, or empty: the stream parser reports success for
    /// both, and half a sheet used to be collected as the whole form.
    @Test(arguments: [2, 0])
    func aSheetPartCutShortIsRefused(thirds: Int) throws {
        let folder = Fixtures.temporaryFolder()
        let good = try ReturnedFileEdits.render("statistics-2022", ReturnedFileEdits.statistics, format: .xlsx, in: folder, name: "good")
        let cut = try ReturnedFileEdits.copy(good.url, to: folder.appendingPathComponent("cut.xlsx"), editing: [
            "xl/worksheets/sheet1.xml": { String($0.prefix($0.count * thirds / 3)) },
        ])
        let forms = try FormCollector(library: Fixtures.library, templateID: "statistics-2022").collect([cut, good])
        guard case .refused(let error) = forms[0].outcome, case .malformedXML(_, let part, let detail) = error else {
            Issue.record("not refused as malformed XML: \(forms[0].outcome)")
            return
        }
        #expect(part == "xl/worksheets/sheet1.xml")
        #expect(detail.contains(thirds == 0 ? "empty part" : "truncated XML"))
        #expect(forms[1].isCollected)
    }
}
