/// Why a returned file could not be read. Each case names the file, so that a batch of
/// returned forms can report its bad files and go on with the others.
public enum ReadError: Error, Sendable, CustomStringConvertible, Equatable {
    /// Not a zip archive at all (a renamed text file, a legacy .xls).
    case notAnArchive(file: String, detail: String)
    /// A zip archive missing a part the format needs (a .docx renamed .xlsx).
    case missingPart(file: String, part: String)
    /// A part inflates past the bound: most likely a zip bomb.
    case tooLarge(file: String, part: String, limit: Int)
    /// A part declares a DOCTYPE or entities, which OOXML never does: an entity bomb or an
    /// external-entity attack.
    case entityDeclaration(file: String, part: String)
    /// A part cannot be inflated: its data does not match its checksum or its declared size.
    case damagedPart(file: String, part: String, detail: String)
    /// A part is encrypted (a zip password): nothing in it can be read.
    case encrypted(file: String, part: String)
    /// A part is not well-formed XML.
    case malformedXML(file: String, part: String, detail: String)
    /// More rows or columns than a form (or a list) can have.
    case sheetTooLarge(file: String, rows: Int, columns: Int)
    /// The extension says one format and the content is the other (a .docx renamed .xlsx):
    /// refused, since the sender's file is not what was asked for and a person should know.
    case wrongFormat(file: String, extension: String, content: String)
    /// The file is readable but does not have the layout of the template.
    case layoutMismatch(file: String, detail: String)
    /// Cells of `part` hold something that cannot be taken as what the person who filled the
    /// form sees (an error value, a formula without its result, a shared string that is not
    /// there, a boolean where a number belongs…): each with its place and field, and how many
    /// more there are beyond those listed.
    case unreadableCells(file: String, part: String, cells: [UnreadableCell], unlisted: Int)

    public var description: String {
        switch self {
        case .notAnArchive(let file, let detail): "\(file)：不是有效的 XLSX/DOCX 文件（not a zip archive: \(detail)）"
        case .missingPart(let file, let part): "\(file)：缺少 \(part)，不是所需类型的文件（missing part）"
        case .tooLarge(let file, let part, let limit): "\(file)：\(part) 解压后超过 \(limit) 字节，已拒绝（possible zip bomb）"
        case .entityDeclaration(let file, let part): "\(file)：\(part) 含有 DOCTYPE 或实体声明，已拒绝（possible entity bomb）"
        case .damagedPart(let file, let part, let detail): "\(file)：\(part) 已损坏，无法解压（damaged part: \(detail)）"
        case .encrypted(let file, let part): "\(file)：\(part) 已加密，请取消密码后另存再交（encrypted）"
        case .malformedXML(let file, let part, let detail): "\(file)：\(part) 不是格式良好的 XML（\(detail)）"
        case .sheetTooLarge(let file, let rows, let columns): "\(file)：工作表过大（\(rows) 行 × \(columns) 列），不是本表格（sheet too large）"
        case .wrongFormat(let file, let ext, let content):
            "\(file)：扩展名是 .\(ext)，内容却是 \(content) 文件，请另存为正确格式后再交（extension does not match content）"
        case .layoutMismatch(let file, let detail): "\(file)：与模板的版式不符（layout mismatch）：\(detail)"
        case .unreadableCells(let file, let part, let cells, let unlisted):
            "\(file)：\(part) 中有 \(cells.count + unlisted) 个单元格无法读取（unreadable cells）：" + reasons.joined(separator: "；")
        }
    }

    /// What is wrong, without the file name (a report puts it in front): one line per
    /// unreadable cell, so that the unit sees each cell to correct; one line otherwise.
    public var reasons: [String] {
        switch self {
        case .unreadableCells(_, _, let cells, let unlisted):
            return cells.map(\.description) + (unlisted > 0 ? ["另有 \(unlisted) 个单元格无法读取（more unreadable cells）"] : [])
        default:
            let text = description
            let prefix = file + "："
            return [text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text]
        }
    }

    /// The file the error is about.
    public var file: String {
        switch self {
        case .notAnArchive(let file, _), .missingPart(let file, _), .tooLarge(let file, _, _), .entityDeclaration(let file, _),
             .damagedPart(let file, _, _), .encrypted(let file, _), .malformedXML(let file, _, _), .sheetTooLarge(let file, _, _), .wrongFormat(let file, _, _),
             .layoutMismatch(let file, _), .unreadableCells(let file, _, _, _):
            file
        }
    }
}

/// Bounds on what a reader accepts, so that no file can exhaust memory or time.
public struct ReadLimits: Sendable {
    /// The most bytes one part may inflate to.
    public var partBytes: Int
    /// The most rows and columns a sheet may have.
    public var rows: Int
    public var columns: Int

    public init(partBytes: Int = 64 << 20, rows: Int = 100_000, columns: Int = 200) {
        self.partBytes = partBytes
        self.rows = rows
        self.columns = columns
    }

    /// A returned form: a few hundred rows at most.
    public static let form = ReadLimits(partBytes: 32 << 20, rows: 5_000, columns: 64)
    /// A list of units for a batch.
    public static let list = ReadLimits(partBytes: 256 << 20, rows: 1_048_576, columns: 200)
}

extension ReadError: GongwenError {
    public var kind: ErrorKind { .unreadableFile }
}
