import CXlsxWriter

/// A failure inside libxlsxwriter: its raw code, its own message, and what we were doing.
public struct XlsxError: Error, Sendable, CustomStringConvertible {
    /// The `lxw_error` value.
    public var code: UInt32
    /// libxlsxwriter's message for the code (`lxw_strerror`).
    public var message: String
    /// What was being written: which sheet, which cell or setting.
    public var context: String

    init(_ error: lxw_error, context: String) {
        code = error.rawValue
        message = String(cString: lxw_strerror(error))
        self.context = context
    }

    init(message: String, context: String) {
        code = 0
        self.message = message
        self.context = context
    }

    public var description: String { "libxlsxwriter: \(message) (code \(code)) while \(context)" }

    /// Throws when `error` is not `LXW_NO_ERROR`.
    static func check(_ error: lxw_error, _ context: @autoclosure () -> String) throws(XlsxError) {
        if error != LXW_NO_ERROR { throw XlsxError(error, context: context()) }
    }
}

/// Writing is where these come from (a read that fails is a `ReadError`): the disk or the C
/// library, never the input.
extension XlsxError: GongwenError {
    public var kind: ErrorKind { .output }
}
