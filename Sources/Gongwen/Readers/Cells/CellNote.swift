/// A cell read as it shows rather than as it is stored, told to the person who collects so
/// that nothing changes unseen: a number Excel shows as a date, in a text field, is read as
/// that date.
public struct CellNote: Sendable, Equatable, CustomStringConvertible {
    public var place: CellPlace
    /// The date as read, ISO style: 2020-08-23, 2020-08-23 14:30, 14:30.
    public var shown: String
    /// What the cell stores: Excel's day number (44066), or the text of a date cell.
    public var stored: String

    public var description: String {
        "\(place)是日期格式，按所显示的日期读作 \(shown)（存储值 \(stored)），请核对（date read as shown）"
    }
}
