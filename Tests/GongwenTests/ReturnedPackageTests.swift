import Foundation
import Testing
@testable import Gongwen

/// Returned files whose package, not a cell, is odd: each is read as the package says, or
/// refused with a reason a person can act on.
@Suite("Packages of returned forms")
struct ReturnedPackageTests {
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
