import Foundation
import Gongwen

/// What `/health` answers: the service is up, how loaded its render and PDF queues are, and
/// the state of LibreOffice's warm pool (instances up and busy, jobs done and failed,
/// retries, restarts after faults, scheduled recycling). `/healthz` stays the cheap probe.
struct HealthReport: Encodable {
    struct Queue: Encodable {
        /// Requests that run at once.
        var concurrency: Int
        /// Requests that may wait; more are answered 503.
        var queueLimit: Int
        /// Requests running or waiting now.
        var load: Int
    }

    struct PDF: Encodable {
        /// missing (no LibreOffice), not-started (no PDF asked yet), warm (the pool), cold (a
        /// fresh LibreOffice per PDF).
        var engine: String
        /// Why PDFs are cold, when they are.
        var reason: String?
        var requests: Queue
        var pool: PDFPool.Snapshot?
    }

    var status = "ok"
    var render: Queue
    var pdf: PDF

    init(_ environment: ServiceEnvironment) {
        let settings = environment.settings
        render = Queue(concurrency: environment.pool.concurrency, queueLimit: environment.pool.queueLimit,
                       load: environment.pool.load)
        let requests = Queue(concurrency: environment.pdfPool.concurrency, queueLimit: settings.pdfQueueLimit,
                             load: environment.pdfPool.load)
        switch environment.pdf.state() {
        case .missing: pdf = PDF(engine: "missing", requests: requests)
        case .notStarted: pdf = PDF(engine: "not-started", requests: requests)
        case .warm(let snapshot): pdf = PDF(engine: "warm", requests: requests, pool: snapshot)
        case .cold(let reason): pdf = PDF(engine: "cold", reason: reason, requests: requests)
        }
    }

    var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)) ?? Data(#"{"status":"ok"}"#.utf8)
    }
}
