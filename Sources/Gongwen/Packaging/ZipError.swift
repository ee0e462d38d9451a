import CZip

/// A failure inside libzip, with its code, libzip's own message and what we were doing.
public struct ZipError: Error, Sendable, CustomStringConvertible {
    /// The `ZIP_ER_*` code, or 0 for a check of ours (a bound that was exceeded).
    public var code: Int32
    public var message: String
    /// Which archive, which member.
    public var context: String

    public init(code: Int32, message: String, context: String) {
        self.code = code
        self.message = message
        self.context = context
    }

    /// The error libzip recorded on `archive`.
    init(archive: OpaquePointer, context: String) {
        let error = zip_get_error(archive)
        code = zip_error_code_zip(error)
        message = String(cString: zip_error_strerror(error))
        self.context = context
    }

    /// The error libzip recorded on a source.
    init(source: OpaquePointer, context: String) {
        let error = zip_source_error(source)
        code = zip_error_code_zip(error)
        message = String(cString: zip_error_strerror(error))
        self.context = context
    }

    /// The error of a `zip_open` that returned NULL.
    init(openCode: Int32, context: String) {
        var error = zip_error_t()
        zip_error_init_with_code(&error, openCode)
        defer { zip_error_fini(&error) }
        code = openCode
        message = String(cString: zip_error_strerror(&error))
        self.context = context
    }

    public var description: String { "libzip: \(message) while \(context)" }
}

/// Writing is where these come from (a read that fails is a `ReadError`): the disk or the C
/// library, never the input.
extension ZipError: GongwenError {
    public var kind: ErrorKind { .output }
}
