/// The file formats a form renders to.
public enum OutputFormat: String, Sendable, CaseIterable, Codable {
    case xlsx
    case docx

    public var fileExtension: String { rawValue }

    public var mediaType: String {
        switch self {
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        }
    }
}
