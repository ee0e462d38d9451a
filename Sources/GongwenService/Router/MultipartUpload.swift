import Foundation

/// A `multipart/form-data` body (RFC 7578) by its parts: what a page's `FormData` and
/// `curl -F` send when a request carries a template beside a list, an archive or a form file.
/// `MultipartSplitter` finds the parts; what a part is called and holds is read here.
struct MultipartUpload {
    struct Part {
        var name: String
        var fileName: String?
        var contentType: String?
        var body: Data

        /// The extension of the part's file name, lowercased; empty when it has none.
        var fileNameExtension: String {
            fileName.map { URL(fileURLWithPath: $0).pathExtension.lowercased() } ?? ""
        }

        /// The extension its media type has among `types`, if any.
        func fileExtension(byType types: [(mediaType: String, fileExtension: String)]) -> String? {
            types.first { $0.mediaType == MultipartUpload.mediaType(of: self) }?.fileExtension
        }
    }

    static let mediaType = "multipart/form-data"
    /// More parts than any route takes: a body of thousands of empty parts is not an upload.
    static let maxParts = 16

    var parts: [Part]

    func part(_ name: String) -> Part? { parts.first { $0.name == name } }

    /// The parts of `body`, whose Content-Type header is `contentType`; a body that is not
    /// multipart/form-data with a boundary, or does not parse, is a 400 saying so.
    static func parse(_ body: Data, contentType: String?) throws -> MultipartUpload {
        guard let boundary = contentType.flatMap(Self.boundary) else {
            throw ServiceError.malformedUpload(detail: "multipart/form-data 缺少 boundary 参数（no boundary）")
        }
        let raw: [MultipartSplitter.RawPart]
        do {
            raw = try MultipartSplitter(boundary: boundary, maxParts: maxParts).split(body)
        } catch {
            throw ServiceError.malformedUpload(detail: "multipart/form-data 格式错误（malformed multipart body）：\(error.reason)")
        }
        let parts = raw.map { part in
            let disposition = part.headers.first { $0.name == "content-disposition" }?.value ?? ""
            return Part(name: Self.parameter("name", in: disposition) ?? "",
                        fileName: Self.parameter("filename", in: disposition),
                        contentType: part.headers.first { $0.name == "content-type" }?.value,
                        body: part.body)
        }
        guard !parts.isEmpty else {
            throw ServiceError.malformedUpload(detail: "multipart/form-data 中没有任何部分（no parts）")
        }
        return MultipartUpload(parts: parts)
    }

    /// `boundary=…` of a Content-Type, quoted or not; nil when it is missing or empty (the
    /// parser requires one) or longer than RFC 2046's 70 characters.
    static func boundary(of contentType: String) -> String? {
        guard let value = parameter("boundary", in: contentType), !value.isEmpty, value.utf8.count <= 70 else { return nil }
        return value
    }

    /// A parameter of a header value (`name="list"; filename="名单.csv"`), unquoted.
    static func parameter(_ name: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == name else { continue }
            var value = pair[1]
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
            }
            return value
        }
        return nil
    }

    /// The media type of a part, lowercased, without parameters.
    static func mediaType(of part: Part) -> String? {
        guard let type = part.contentType?.split(separator: ";", maxSplits: 1).first else { return nil }
        let trimmed = type.trimmingCharacters(in: .whitespaces).lowercased()
        return trimmed.isEmpty ? nil : trimmed
    }
}
