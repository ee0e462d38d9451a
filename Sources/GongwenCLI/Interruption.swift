import Dispatch
import Foundation
import Gongwen
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C, SIGTERM and SIGHUP for the commands that write files: the files a run has begun
/// (temporary files, a batch's staging folder: `PendingPaths`) are removed, then the command
/// exits with 128 + the signal, as a shell expects; exit ends the warm PDF instances. Files
/// already finished stay, each whole. `serve` does not use this: it finishes its requests.
enum Interruption {
    nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []
    private static let underway = Flag()

    /// Waits for the end of the process when an interruption is being handled; returns at
    /// once otherwise.
    static func holdIfUnderway() {
        while underway.isSet { Thread.sleep(forTimeInterval: 1) }
    }

    static func install() {
        guard sources.isEmpty else { return }
        for number in [SIGINT, SIGTERM, SIGHUP] {
            // Ignored as a signal, so that it arrives here, on a queue, where removing files is safe.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                underway.set()
                // The conversions first, so that LibreOffice writes nothing more; then the files.
                PDFConverter.endInstancesNow()
                PendingPaths.shared.closeAndRemove()
                FileHandle.standardError.write(Data("gongwen: 已中断，未完成的文件已删除（interrupted; unfinished files removed）\n".utf8))
                exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }
}

/// A flag set once, read from any thread.
private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
