import Gongwen

/// `Content-Disposition: attachment` naming a download by its Chinese title, per RFC 6266:
/// `filename*=UTF-8''…` (RFC 5987 percent-encoding) for the browsers that read it, and a
/// plain ASCII `filename="…"` (the template id) for the ones that do not.
struct ContentDisposition: Sendable, Equatable {
    /// The name a person sees, e.g. 2022 年全国科技活动周开展情况统计表.
    var title: String
    /// An ASCII stem for old clients, e.g. statistics-2022.
    var fallback: String
    var fileExtension: String

    var headerValue: String {
        let name = SafeFileName.stem(title, fallback: fallback) + "." + fileExtension
        let ascii = Self.ascii(fallback) + "." + fileExtension
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(Self.percentEncoded(name))"
    }

    /// RFC 5987 `attr-char`: what may stand unencoded in `filename*`.
    static func isAttrChar(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "!#$&+-.^_`|~".utf8.contains(byte)
        }
    }

    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            if isAttrChar(byte) {
                out.append(Character(Unicode.Scalar(byte)))
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// Letters, digits, `-`, `_` and `.` only: safe inside a quoted string anywhere.
    static func ascii(_ text: String) -> String {
        let kept = String(text.unicodeScalars.map { scalar -> Character in
            let ok = scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) ||
                                        ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
            return ok ? Character(scalar) : "_"
        })
        let trimmed = String(kept.drop { $0 == "." || $0 == "_" })
        return trimmed.isEmpty ? "download" : trimmed
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
