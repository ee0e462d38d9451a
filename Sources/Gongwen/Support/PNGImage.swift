import Foundation

/// The size of a PNG image, read from its IHDR chunk, so a seal keeps its proportions. The
/// header is checked (signature, length, CRC, values the specification allows) and the
/// declared size bounded before anything trusts it: LibreOffice decodes the image to make a
/// PDF, and a seal declaring 4294967295 × 4294967295 pixels would ask it for exabytes.
struct PNGImage {
    let width: Int
    let height: Int

    /// The most pixels a side may have: a seal scanned at 1200 dpi is under 2,500.
    static let maxSide = 10_000
    /// The most pixels in all: 40 million, 160 MB decoded as 8-bit RGBA.
    static let maxPixels = 40_000_000

    /// The most bytes a seal file may have: a seal is a few hundred kilobytes.
    static let maxFileBytes = 16 << 20

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// The bytes of the PNG file at `url`, checked: read up to the bound and no further, so
    /// that a path to a huge file (or to /dev/zero) is refused instead of filling memory.
    static func contents(of url: URL) throws(ImageProblem) -> Data {
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            data = try handle.read(upToCount: maxFileBytes + 1) ?? Data()
        } catch {
            throw .missing
        }
        guard data.count <= maxFileBytes else { throw .fileTooLarge(limit: maxFileBytes) }
        _ = try PNGImage(data)
        return data
    }

    init(_ data: Data) throws(ImageProblem) {
        let bytes = [UInt8](data.prefix(33))
        guard bytes.count >= 8, Array(bytes[0..<8]) == Self.signature else { throw .notPNG }
        // Signature, then the IHDR chunk: length (4), type (4), 13 bytes of data, CRC (4).
        guard bytes.count == 33 else { throw .truncated }
        func be32(_ offset: Int) -> UInt32 { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) } }
        guard be32(8) == 13, bytes[12..<16].elementsEqual("IHDR".utf8) else { throw .noHeader }
        guard CRC32.checksum(bytes[12..<29]) == be32(29) else { throw .headerChecksum }
        let (width, height) = (Int(be32(16)), Int(be32(20)))
        guard width > 0, height > 0 else { throw .badHeader("宽 \(width)、高 \(height)") }
        guard width <= Self.maxSide, height <= Self.maxSide, width * height <= Self.maxPixels else {
            throw .tooLarge(width: width, height: height)
        }
        let depth = bytes[24], colour = bytes[25]
        let depths: [UInt8: Set<UInt8>] = [0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16]]
        guard depths[colour]?.contains(depth) == true else { throw .badHeader("颜色类型 \(colour)、位深 \(depth)") }
        guard bytes[26] == 0, bytes[27] == 0, bytes[28] <= 1 else { throw .badHeader("压缩、滤波或隔行方式未定义") }
        self.width = width
        self.height = height
    }
}
