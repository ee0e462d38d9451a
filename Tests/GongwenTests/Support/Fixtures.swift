import Foundation
@testable import Gongwen

/// The repository's templates and examples, and helpers to render a form and read its parts.
enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let library: TemplateLibrary = {
        try! TemplateLibrary.load(from: repository.appendingPathComponent("templates/forms"))
    }()

    static func example(_ form: FormKind) -> JSONValue {
        let url = repository.appendingPathComponent("examples/forms/\(form.rawValue).json")
        return try! JSONValue.parse(Data(contentsOf: url), source: url.path)
    }

    static func json(_ text: String) -> JSONValue {
        try! JSONValue.parse(Data(text.utf8), source: "test")
    }

    /// A new empty folder for one test's output.
    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongwen-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Validates `data` (nil for blank), renders it and returns the package.
    static func render(_ templateID: String, _ data: JSONValue? = nil, format: OutputFormat) throws -> OfficePackage {
        let renderer = FormRenderer(library: library)
        let (template, validated) = try renderer.validate(templateID: templateID, data: data)
        let url = temporaryFolder().appendingPathComponent("form.\(format.fileExtension)")
        try renderer.write(template, values: validated.values, format: format, to: url)
        return try OfficePackage(url: url)
    }
}

/// A written XLSX or DOCX, read back through libzip, its parts parsed as XML.
struct OfficePackage {
    let url: URL
    let names: [String]
    private let reader: ZipArchiveReader

    init(url: URL) throws {
        self.url = url
        reader = try ZipArchiveReader(path: url.path)
        names = reader.names
    }

    func data(_ part: String) throws -> Data {
        guard let data = try reader.read(part) else { throw XMLNode.ParseError(detail: "no part \(part)") }
        return data
    }

    func xml(_ part: String) throws -> XMLNode { try XMLNode.parse(data(part)) }
}

/// The seeds' form kinds, by name: data in `templates/forms/`, named here only for the tests'
/// example files (`examples/forms/<kind>.json`).
extension FormKind {
    static let keyProject = FormKind(rawValue: "key-project")!
    static let openInstitution = FormKind(rawValue: "open-institution")!
    static let statistics = FormKind(rawValue: "statistics")!
}
