/// A reason the bench cannot measure something: a missing file, a tool that failed. The
/// measurement is reported as failed in the table, with this text.
struct BenchFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
