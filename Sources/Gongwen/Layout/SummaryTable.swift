import Foundation

/// A sheet of the summary workbook as data: a title, a line saying what it covers, column
/// headings (in two rows where columns are grouped), rows of values and, for statistics, a
/// total row. Built apart from libxlsxwriter, so what the summary says is testable without
/// opening a workbook; the collect layer fills it (`summary(of:forms:)`, `failures(_:)`) and
/// `XlsxSummaryRenderer` writes it.
struct SummaryTable: Sendable {
    enum Cell: Sendable, Equatable {
        case text(String)
        case number(Decimal)
        case empty

        /// What the cell holds as a value to write, nil when it is empty.
        var value: FieldValue? {
            switch self {
            case .text(let text): .text(text)
            case .number(let number): .number(number)
            case .empty: nil
            }
        }

        /// The text a reader sees in the cell.
        var text: String { value?.displayText ?? "" }
    }

    struct Column: Sendable, Equatable {
        var heading: String
        /// The heading of a group of neighbouring columns, written above theirs.
        var group: String?
        /// Whether the column holds numbers (right-aligned) rather than text.
        var isNumeric: Bool
    }

    var sheetName: String
    var title: String
    var subtitle: String
    var columns: [Column]
    var rows: [[Cell]]
    /// The 合计 row under the data, when the form's numbers add up.
    var totalRow: [Cell]?

    /// Whether the headings take two rows (a group row above the item row).
    var isGrouped: Bool { columns.contains { $0.group != nil } }
}
