import Foundation

/// The process's pools, one per fontconfig file, so that every `PDFConverter` — the CLI's,
/// the service's, a batch's — shares the same warm instances rather than starting its own.
///
/// `GONGWEN_PDF_INSTANCES` sets the size (default: the cores), `GONGWEN_PDF_JOBS_PER_INSTANCE`
/// the jobs before an instance is replaced, `GONGWEN_PDF_MEMORY_CEILING_MB` the RSS of
/// soffice.bin above which it is replaced, and `GONGWEN_PDF_POOL=off` turns the pool off
/// (every PDF cold, as before).
final class PDFPoolRegistry: @unchecked Sendable {
    static let shared = PDFPoolRegistry()

    private let lock = NSLock()
    private var pools: [String: PDFPool] = [:]
    /// Why each fontconfig file's pool cannot be had, by its key.
    private var unusable: [String: String] = [:]
    private var saidCold = false

    /// The pool for `fontConfig`, made on first use; nil where it cannot be (then: cold).
    func pool(fontConfig: URL?) -> PDFPool? {
        let key = fontConfig?.path ?? ""
        let environment = ProcessInfo.processInfo.environment
        if environment["GONGWEN_PDF_POOL"] == "off" { return nil }
        lock.lock()
        defer { lock.unlock() }
        if let pool = pools[key] { return pool }
        if unusable[key] != nil { return nil }
        switch PDFBridgeInstance.Launch.located(fontConfig: fontConfig, bridge: nil) {
        case .failure(let failure):
            unusable[key] = failure.description
            sayColdLocked(failure.description)
            return nil
        case .success(let launch):
            let settings = PDFPool.Settings.fromEnvironment(environment)
            let pool = PDFPool(settings: settings) { slot throws(PDFInstanceFault) in try PDFBridgeInstance(launch, slot: slot) }
            pools[key] = pool
            return pool
        }
    }

    func existing(fontConfig: URL?) -> PDFPool? {
        lock.lock()
        defer { lock.unlock() }
        return pools[fontConfig?.path ?? ""]
    }

    /// Why there is no pool for `fontConfig` and every PDF is cold, if that was decided.
    func coldReason(fontConfig: URL?) -> String? {
        if ProcessInfo.processInfo.environment["GONGWEN_PDF_POOL"] == "off" { return "GONGWEN_PDF_POOL=off" }
        lock.lock()
        defer { lock.unlock() }
        return unusable[fontConfig?.path ?? ""]
    }

    /// Ends every pool's instances (a service's graceful shutdown); pools start again if asked.
    func shutdownAll() {
        lock.lock()
        let all = Array(pools.values)
        lock.unlock()
        for pool in all { pool.shutdown() }
    }

    /// An instance did not start: said once; a pool that never had one is given up (cold from
    /// now on), one that had is tried again on the next job.
    func startFailed(fontConfig: URL?, reason: String) {
        let key = fontConfig?.path ?? ""
        lock.lock()
        defer { lock.unlock() }
        if let pool = pools[key], pool.snapshot.jobsDone == 0, pool.snapshot.instancesUp == 0 {
            pools[key] = nil
            unusable[key] = reason
        }
        sayColdLocked(reason)
    }

    private func sayColdLocked(_ reason: String) {
        guard !saidCold else { return }
        saidCold = true
        FileHandle.standardError.write(Data("gongwen: PDF 预热实例无法启动，改为逐个冷启动 LibreOffice（慢）：\(reason)\n".utf8))
    }
}
