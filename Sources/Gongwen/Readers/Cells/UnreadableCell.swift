/// A cell of a returned form that cannot be read, and why.
public struct UnreadableCell: Sendable, Equatable, CustomStringConvertible {
    public var place: CellPlace
    public var problem: CellProblem

    /// `单元格 C5（activities.held，举办活动次数）：公式结果是错误值 #DIV/0!…`
    public var description: String { "\(place)：\(problem)" }
}
