/// The destination cannot take the file: a missing or read-only folder, a full disk, or a
/// C library that failed to write. Input errors never end up here.
public struct OutputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var detail: String

    public init(path: String, detail: String) {
        self.path = path
        self.detail = detail
    }

    public var description: String { "无法写入 \(path)（cannot write）：\(detail)" }
}

extension OutputError: GongwenError {
    public var kind: ErrorKind { .output }
}
