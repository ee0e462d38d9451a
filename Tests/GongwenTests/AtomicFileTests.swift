import Foundation
import Testing
@testable import Gongwen

@Suite("Atomic writes")
struct AtomicFileTests {
    /// A name of 250 bytes is one the file system takes; its temporary name must be too
    /// (found by the fuzzer: a long subject made `render` fail with exit 73).
    @Test func aNameNearTheLimitIsWritten() throws {
        let folder = Fixtures.temporaryFolder()
        let name = String(repeating: "科", count: 81) + ".xlsx"  // 243 + 5 bytes
        #expect(name.utf8.count == 248)
        let url = folder.appendingPathComponent(name)
        try AtomicFile.write(Data("x".utf8), to: url)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [name])
    }
}
