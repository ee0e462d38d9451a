import Foundation

/// Reads, validates and writes a notice packet: the DOCX always, and a PDF made from it by
/// LibreOffice when asked.
public struct NoticeRenderer: Sendable {
    public let library: TemplateLibrary
    /// The folder of layout presets (`templates/layouts`).
    public let layouts: URL

    public init(library: TemplateLibrary, layouts: URL) {
        self.library = library
        self.layouts = layouts
    }

    /// The templates and house styles of one templates root.
    public init(root: TemplatesRoot) {
        self.init(library: root.library, layouts: root.layouts)
    }

    /// Decodes a notice file: text that is not JSON says line and column; shape errors (a
    /// missing 标题, a number where text belongs, a key the format does not have, such as
    /// `nte` for `note`) are data errors naming the path of the field.
    public static func decode(_ data: Data, source: String) throws -> NoticeDocument {
        var value = try JSONValue.parse(data, source: source)
        // `$schema` points an editor at the notice schema; it is no part of the notice.
        if case .object(var members) = value, members.removeValue(forKey: "$schema") != nil { value = .object(members) }
        do {
            return try JSONValueDecoder.decode(NoticeDocument.self, from: value)
        } catch let failure as ValidationFailure {
            throw ValidationFailure(issues: failure.issues.map {
                FieldIssue(key: $0.key, label: NoticeLabels.label(for: $0.key), rule: $0.rule)
            })
        }
    }

    /// Validates a notice read from `file` (seal paths are relative to its folder).
    public func validate(_ notice: NoticeDocument, baseFolder: URL) throws -> ValidatedNotice {
        let layout = try NoticeLayout.load(id: notice.layout ?? "gbt9704", from: layouts)
        return try NoticeValidator(library: library, baseFolder: baseFolder).validate(notice, layout: layout)
    }

    /// Writes the packet as DOCX to `destination`, atomically.
    public func writeDocx(_ notice: ValidatedNotice, to destination: URL) throws {
        try AtomicFile.write(to: destination) { temporary in
            try NoticeDocxWriter().write(notice, to: temporary)
        }
    }

    /// The file name of a notice: its document number, or its title.
    public static func fileName(for notice: NoticeDocument, extension ext: String) -> String {
        SafeFileName.stem(notice.documentNumber ?? notice.title.joined(), fallback: "notice") + "." + ext
    }
}

/// Chinese labels of a notice's fields, for error messages.
enum NoticeLabels {
    static let labels = [
        "copyNumber": "份号", "secrecy": "密级和保密期限", "urgency": "紧急程度", "issuer": "发文机关标志",
        "documentNumber": "发文字号", "signer": "签发人", "title": "标题", "recipients": "主送机关", "body": "正文",
        "attachments": "附件", "signature": "发文机关署名", "date": "成文日期", "note": "附注", "colophon": "版记",
    ]

    static func label(for path: String) -> String {
        labels[String(path.prefix { $0 != "." && $0 != "[" })] ?? ""
    }
}
