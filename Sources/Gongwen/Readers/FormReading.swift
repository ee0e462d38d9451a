/// A returned form read back: its data, and the cells read as they show rather than as they
/// are stored, for the coordinator to check.
public struct FormReading: Sendable, Equatable {
    public var data: JSONValue
    public var notes: [CellNote]
}
