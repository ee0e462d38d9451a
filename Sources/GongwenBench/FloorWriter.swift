import CBenchFloor
import Foundation
import Gongwen

/// Calls the C floor with the record's values as C strings, made once: converting them is
/// the caller's setup, not part of writing a document.
final class FloorWriter {
    private let values: [UnsafePointer<CChar>?]

    init(values: FormValues) {
        let keys = withUnsafeBytes(of: bench_floor_keys) { raw in
            raw.bindMemory(to: UnsafePointer<CChar>?.self).map { String(cString: $0!) }
        }
        self.values = keys.map { key in values[key].map { UnsafePointer(strdup($0.displayText)!) } }
    }

    deinit { values.forEach { free(UnsafeMutablePointer(mutating: $0)) } }

    func write(to path: URL) throws {
        let code = values.withUnsafeBufferPointer { bench_floor_write_key_project(path.path, $0.baseAddress) }
        guard code == 0 else { throw BenchFailure("the C floor failed with libxlsxwriter error \(code)") }
    }
}
