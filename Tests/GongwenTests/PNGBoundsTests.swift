import Foundation
import Testing
@testable import Gongwen

/// A seal image is trusted only after its PNG header is checked and its declared size bounded:
/// LibreOffice decodes the image to make a PDF, and a header can claim any size at all.
@Suite("Seal images: PNG header and size bounds")
struct PNGBoundsTests {
    /// A PNG signature and IHDR chunk (its CRC computed here, or `crc` when given), then IEND.
    static func png(width: UInt32, height: UInt32, depth: UInt8 = 8, colour: UInt8 = 6, length: UInt32 = 13,
                    type: String = "IHDR", crc: UInt32? = nil) -> Data {
        func be32(_ n: UInt32) -> [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: n >> $0) } }
        let chunk = Array(type.utf8) + be32(width) + be32(height) + [depth, colour, 0, 0, 0]
        var crc32 = ~UInt32(0)
        for byte in chunk {
            crc32 ^= UInt32(byte)
            for _ in 0..<8 { crc32 = crc32 >> 1 ^ (crc32 & 1 == 1 ? 0xEDB8_8320 : 0) }
        }
        let end: [UInt8] = [0, 0, 0, 0] + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82]
        return Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + be32(length) + chunk + be32(crc ?? ~crc32) + end)
    }

    @Test func aSealOfAnOrdinarySizeIsMeasured() {
        let image = try? PNGImage(Self.png(width: 400, height: 300))
        #expect(image?.width == 400 && image?.height == 300)
        #expect((try? PNGImage(Self.png(width: 10_000, height: 4_000))) != nil, "at the bounds: 10,000 a side, 40 million pixels")
    }

    @Test(arguments: [(4_294_967_295, 4_294_967_295), (2_147_483_647, 1), (10_001, 10), (10, 10_001), (10_000, 10_000)] as [(UInt32, UInt32)])
    func aDeclaredSizePastTheBoundsIsRefused(width: UInt32, height: UInt32) {
        #expect((try? PNGImage(Self.png(width: width, height: height))) == nil)
    }

    @Test func aBrokenHeaderIsRefused() {
        let good = Self.png(width: 400, height: 300)
        let broken: [(String, Data)] = [
            ("CRC that does not match", Self.png(width: 400, height: 300, crc: 0x1234_5678)),
            ("truncated in the IHDR", good.prefix(24)),
            ("truncated before the CRC", good.prefix(30)),
            ("IHDR of 12 bytes", Self.png(width: 400, height: 300, length: 12)),
            ("first chunk not IHDR", Self.png(width: 400, height: 300, type: "IDAT")),
            ("zero width", Self.png(width: 0, height: 300)),
            ("colour type 5", Self.png(width: 400, height: 300, colour: 5)),
            ("bit depth 3", Self.png(width: 400, height: 300, depth: 3, colour: 2)),
            ("a JPEG", Data([0xFF, 0xD8, 0xFF, 0xE0] + [UInt8](repeating: 0, count: 60))),
            ("empty", Data()),
        ]
        for (what, data) in broken {
            #expect((try? PNGImage(data)) == nil, "\(what)")
        }
    }

    /// The notice validator keeps reporting seals as the `image-file` rule, and says why.
    @Test(arguments: [
        (PNGBoundsTests.png(width: 4_294_967_295, height: 4_294_967_295), "4294967295 × 4294967295"),
        (PNGBoundsTests.png(width: 400, height: 300, crc: 0), "CRC"),
        (Data("GIF89a".utf8) + Data(count: 40), "not a PNG"),
    ])
    func aRefusedSealIsAnImageFileIssueThatSaysWhy(data: Data, reason: String) throws {
        let folder = Self.folder()
        try data.write(to: folder.appendingPathComponent("seal.png"))
        let issue = try Self.sealIssue(folder: folder)
        #expect(issue?.rule.id == "image-file")
        #expect(issue?.description.contains(reason) == true, "\(String(describing: issue))")
    }

    /// A file far larger than a seal, with a good header: read no further than the bound.
    @Test func aSealFileLargerThanAnySealIsRefused() throws {
        let folder = Self.folder()
        let url = folder.appendingPathComponent("seal.png")
        try Self.png(width: 400, height: 300).write(to: url)
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 64 << 20)
        try handle.close()
        let issue = try Self.sealIssue(folder: folder)
        #expect(issue?.rule.id == "image-file")
        #expect(issue?.description.contains("file too large") == true, "\(String(describing: issue))")
    }

    /// A new folder, as a directory URL: seal paths are resolved against it.
    static func folder() -> URL { URL(fileURLWithPath: Fixtures.temporaryFolder().path, isDirectory: true) }

    /// The issue `demo-sealed` gets when its first organ's seal is `folder/seal.png`.
    static func sealIssue(folder: URL) throws -> FieldIssue? {
        var notice = try NoticeTests.notice("demo-sealed")
        notice.signature.organs[0].seal = "seal.png"
        let renderer = NoticeRenderer(library: Fixtures.library, layouts: NoticeTests.layouts)
        do {
            _ = try renderer.validate(notice, baseFolder: folder)
        } catch let failure as ValidationFailure {
            return failure.issues.first { $0.key == "signature.organs[0].seal" }
        }
        Issue.record("the seal was accepted")
        return nil
    }
}
