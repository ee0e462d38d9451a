import Foundation
import Testing
@testable import Gongwen

/// A form on a notice's attachment page keeps to its page: the rows give up the room above
/// what their text needs before the table runs on (seed 003's statistics table, 23 rows of
/// 28 pt, spilled three rows onto a page of its own).
@Suite("Form tables fitted to an attachment page")
struct FormTableFitTests {
    static let sheet = FormSheetBuilder.build(try! Fixtures.library.template(id: "statistics-2022"))

    @Test func roomEnoughKeepsTheTemplatesHeights() {
        let table = DocxFormTable(sheet: Self.sheet, maxHeight: 5_000)
        #expect(table.rowHeights == Self.sheet.rowHeights.map { $0 ?? Self.sheet.fonts.value.size * 2.2 })
    }

    @Test func shortOfRoomEveryRowGivesUpItsSpareInProportion() throws {
        let original = DocxFormTable(sheet: Self.sheet).rowHeights
        let total = original.reduce(0, +)
        let table = DocxFormTable(sheet: Self.sheet, maxHeight: total - 60)
        let fitted = table.rowHeights
        #expect(fitted.reduce(0, +) <= total - 60 + Double(fitted.count), "within a point a row of the room")
        // Never below one line of text and the cell's margins.
        let oneLine = Self.sheet.fonts.value.size * 1.35 + 8
        #expect(fitted.allSatisfy { $0 >= oneLine.rounded(.down) })
        // A row whose text takes two lines keeps more than a row of one.
        let wrapped = try #require(Self.sheet.cells.first { $0.content.text.hasPrefix("实物投入情况") }?.row)
        let single = try #require(Self.sheet.cells.first { $0.content.text == "其他经费情况" }?.row)
        #expect(fitted[wrapped] > fitted[single])
        // Every other row no taller than the template made it.
        #expect(fitted.indices.filter { $0 != wrapped }.allSatisfy { fitted[$0] <= original[$0] })
    }

    @Test func whatCannotFitRunsOnAtTheLeastHeights() {
        let fitted = DocxFormTable(sheet: Self.sheet, maxHeight: 100).rowHeights
        let oneLine = Self.sheet.fonts.value.size * 1.35 + 8
        #expect(fitted.allSatisfy { $0 >= oneLine.rounded(.down) && $0 < 60 })
    }
}
