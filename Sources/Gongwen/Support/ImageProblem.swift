/// Why an image a document refers to (a seal) cannot be placed: the reason goes into the
/// `image-file` issue, so the person who gave the file knows what to fix.
public enum ImageProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// No file at the path, or one that cannot be read.
    case missing
    /// A file larger than any seal image: read no further.
    case fileTooLarge(limit: Int)
    /// The file does not start with the PNG signature.
    case notPNG
    /// The file ends before its IHDR chunk does.
    case truncated
    /// The first chunk is not a 13-byte IHDR, as every PNG's is.
    case noHeader
    /// The IHDR chunk's CRC does not match its bytes: the file is damaged.
    case headerChecksum
    /// An IHDR value the PNG specification does not allow (a zero width, bit depth 3…).
    case badHeader(String)
    /// More pixels than a seal has or a PDF engine can decode in memory.
    case tooLarge(width: Int, height: Int)

    public var description: String {
        switch self {
        case .missing: "文件不存在或无法读取（file missing）"
        case .fileTooLarge(let limit): "文件超过 \(limit >> 20) MB，不是印章图片（file too large）"
        case .notPNG: "不是 PNG 文件（not a PNG）"
        case .truncated: "文件不完整，PNG 文件头（IHDR）被截断（truncated PNG）"
        case .noHeader: "第一个数据块不是 PNG 文件头（IHDR）（no IHDR chunk）"
        case .headerChecksum: "PNG 文件头（IHDR）的校验和不符，文件已损坏（IHDR CRC mismatch）"
        case .badHeader(let detail): "PNG 文件头（IHDR）无效：\(detail)（bad IHDR）"
        case .tooLarge(let width, let height):
            "声明的尺寸为 \(width) × \(height) 像素，过大：每边不得超过 \(PNGImage.maxSide) 像素，"
                + "总数不得超过 \(PNGImage.maxPixels / 10_000) 万像素（image too large）"
        }
    }
}
