import Foundation

/// The size of a PNG image, read from its IHDR chunk, so a seal keeps its proportions.
struct PNGImage {
    let width: Int
    let height: Int

    init?(_ data: Data) {
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard data.count >= 24, Array(data.prefix(8)) == signature,
              String(decoding: data[data.startIndex + 12..<data.startIndex + 16], as: UTF8.self) == "IHDR" else { return nil }
        func be32(_ offset: Int) -> Int {
            data[data.startIndex + offset..<data.startIndex + offset + 4].reduce(0) { $0 << 8 | Int($1) }
        }
        width = be32(16)
        height = be32(20)
        guard width > 0, height > 0 else { return nil }
    }
}
