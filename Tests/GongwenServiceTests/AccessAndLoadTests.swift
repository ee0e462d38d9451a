import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import Gongwen
@testable import GongwenService

@Suite("Token, limits under load, file names")
struct AccessAndLoadTests {
    static let token = "s3cret-token-Ωmega"

    @Test func tokenGuardsEveryRouteButHealthAndThePage() async throws {
        let settings = ServiceFixtures.settings { $0.token = Self.token }
        try await ServiceFixtures.withApp(settings) { client in
            for authorization in [nil, "Bearer wrong", "Bearer " + Self.token + "x", "Basic " + Self.token, "Bearer"] {
                var headers: HTTPFields = [:]
                if let authorization { headers[.authorization] = authorization }
                for uri in ["/api/templates", "/openapi.json", "/api/templates/key-project-2020", "/api/nothing"] {
                    try await client.execute(uri: uri, method: .get, headers: headers) { response in
                        let problem = try ServiceFixtures.problem(response, status: 401)
                        #expect(problem.type == "urn:gongwen:problem:unauthorized")
                        #expect(response.headers[.wwwAuthenticate] == #"Bearer realm="gongwen""#)
                    }
                }
            }
            try await client.execute(uri: "/api/render/key-project-2020", method: .post,
                                     headers: ServiceFixtures.jsonHeaders, body: ServiceFixtures.buffer("{}")) { response in
                _ = try ServiceFixtures.problem(response, status: 401)
            }
            for scheme in ["Bearer", "bearer"] {
                try await client.execute(uri: "/api/templates", method: .get, headers: [.authorization: "\(scheme) \(Self.token)"]) { response in
                    #expect(response.status == .ok)
                }
            }
            for probe in ["/healthz", "/health"] {
                try await client.execute(uri: probe, method: .get) { response in
                    #expect(response.status == .ok, "\(probe)")
                }
            }
            for path in WebAssets.files.keys {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok, "\(path)")
                }
            }
        }
    }

    @Test func withoutATokenNothingIsAsked() async throws {
        try await ServiceFixtures.withApp { client in
            try await client.execute(uri: "/api/templates", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func constantTimeComparison() {
        let token = Array("abcdef".utf8)
        #expect(BearerAuthMiddleware<BasicRequestContext>.constantTimeEquals(Array("abcdef".utf8), token))
        #expect(!BearerAuthMiddleware<BasicRequestContext>.constantTimeEquals(Array("abcdeg".utf8), token))
        #expect(!BearerAuthMiddleware<BasicRequestContext>.constantTimeEquals(Array("abcde".utf8), token))
        #expect(!BearerAuthMiddleware<BasicRequestContext>.constantTimeEquals(Array("abcdefg".utf8), token))
        #expect(!BearerAuthMiddleware<BasicRequestContext>.constantTimeEquals([], []))
    }

    /// A PDF engine that takes `seconds` per conversion, holding its render slot.
    static func slowPDF(_ seconds: Double) -> PDFEngine {
        PDFEngine(isAvailable: { true }, convert: { _, pdf in
            Thread.sleep(forTimeInterval: seconds)
            try Data("%PDF-1.7".utf8).write(to: pdf)
        })
    }

    /// A PDF engine of one instance whose conversions take `seconds`, said to be warm and
    /// that fast, as the pool would report it.
    static func slowWarmPDF(_ seconds: Double) -> PDFEngine {
        var engine = slowPDF(seconds)
        engine.state = { .warm(PDFPool.Snapshot(instancesUp: 1, busy: 1, jobsDone: 7, retries: 1, secondsPerJob: seconds)) }
        return engine
    }

    /// PDFs wait in a queue of their own in front of the engine's instances: beyond it a 503
    /// whose Retry-After is the queue's expected wait, while forms go on being rendered, and
    /// `/health` shows the PDF requests and the pool's counters.
    @Test func fullPDFQueueIs503WithRetryAfterAndFormsGoOn() async throws {
        let settings = ServiceFixtures.settings {
            $0.concurrency = 1
            $0.queueLimit = 0
            $0.pdfQueueLimit = 0
            $0.pdf = Self.slowWarmPDF(1.5)
        }
        let body = try ServiceFixtures.example("notices/000.json")
        try await ServiceFixtures.withApp(settings) { client in
            async let first = client.execute(uri: "/api/notices?format=pdf", method: .post,
                                             headers: ServiceFixtures.jsonHeaders, body: ServiceFixtures.buffer(body))
            // Wait until the first holds the only PDF slot: its work folder appears.
            let folder = settings.temporaryFolder
            for _ in 0..<500 where ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).isEmpty {
                try await Task.sleep(for: .milliseconds(10))
            }
            let second = try await client.execute(uri: "/api/render/key-project-2020?format=pdf", method: .post,
                                                  headers: ServiceFixtures.jsonHeaders,
                                                  body: ServiceFixtures.buffer(try ServiceFixtures.example("forms/key-project.json")))
            let problem = try ServiceFixtures.problem(second, status: 503)
            #expect(problem.type == "urn:gongwen:problem:pdf-busy")
            #expect(second.headers[.retryAfter] == "2", "1.5 s a job, one instance, nobody else queued: 2 s")
            let form = try await client.execute(uri: "/api/render/key-project-2020", method: .post,
                                                headers: ServiceFixtures.jsonHeaders,
                                                body: ServiceFixtures.buffer(try ServiceFixtures.example("forms/key-project.json")))
            #expect(form.status == .ok, "a form does not wait behind a PDF")
            let health = try await client.execute(uri: "/health", method: .get)
            #expect(health.status == .ok)
            let report = try #require(try JSONSerialization.jsonObject(with: Data(buffer: health.body)) as? [String: Any])
            let pdf = try #require(report["pdf"] as? [String: Any])
            #expect(pdf["engine"] as? String == "warm")
            let requests = try #require(pdf["requests"] as? [String: Any])
            #expect(requests["concurrency"] as? Int == 1 && requests["queueLimit"] as? Int == 0 && requests["load"] as? Int == 1)
            let pool = try #require(pdf["pool"] as? [String: Any])
            #expect(pool["instancesUp"] as? Int == 1 && pool["jobsDone"] as? Int == 7 && pool["retries"] as? Int == 1)
            #expect(pool["restarts"] as? Int == 0 && pool["secondsPerJob"] as? Double == 1.5)
            let render = try #require(report["render"] as? [String: Any])
            #expect(render["concurrency"] as? Int == 1 && render["load"] as? Int == 0)
            #expect(try await first.status == .ok)
        }
    }

    @Test func pastTheDeadlineIs503AndTheFilesStillGo() async throws {
        let settings = ServiceFixtures.settings {
            $0.longTimeout = .milliseconds(300)
            $0.pdf = Self.slowPDF(3)
        }
        let body = try ServiceFixtures.example("notices/000.json")
        try await ServiceFixtures.withApp(settings) { client in
            let started = ContinuousClock.now
            try await client.execute(uri: "/api/notices?format=pdf", method: .post,
                                     headers: ServiceFixtures.jsonHeaders, body: ServiceFixtures.buffer(body)) { response in
                let problem = try ServiceFixtures.problem(response, status: 503)
                #expect(problem.type == "urn:gongwen:problem:deadline-exceeded")
                #expect(response.headers[.retryAfter] != nil)
            }
            #expect(ContinuousClock.now - started < .seconds(2.5), "answered at the deadline, not when the work ended")
        }
        // withApp has checked the temporary folder after shutdown, which waits for the work.
    }

    @Test func poolRunsNoMoreThanItsThreads() async throws {
        let pool = RenderPool(concurrency: 2, queueLimit: 10)
        let running = Gauge()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<12 {
                group.addTask {
                    try await pool.perform(within: .seconds(10)) {
                        running.enter()
                        Thread.sleep(forTimeInterval: 0.05)
                        running.leave()
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(running.peak == 2)
        #expect(pool.load == 0)
        try await pool.shutdown()
    }

    @Test func poolRefusesBeyondItsQueue() async throws {
        let pool = RenderPool(concurrency: 1, queueLimit: 1)
        async let a: Void = pool.perform(within: .seconds(10)) { Thread.sleep(forTimeInterval: 0.4) }
        async let b: Void = pool.perform(within: .seconds(10)) { Thread.sleep(forTimeInterval: 0.1) }
        try await Task.sleep(for: .milliseconds(100))
        await #expect(throws: ServiceError.busy) {
            try await pool.perform(within: .seconds(10)) {}
        }
        _ = try await (a, b)
        #expect(pool.load == 0)
        try await pool.shutdown()
    }

    @Test func contentDispositionPerRFC6266() {
        let disposition = ContentDisposition(title: "2022 年全国科技活动周开展情况统计表", fallback: "statistics-2022", fileExtension: "xlsx")
        #expect(disposition.headerValue == "attachment; filename=\"statistics-2022.xlsx\"; filename*=UTF-8''2022%20%E5%B9%B4%E5%85%A8%E5%9B%BD%E7%A7%91%E6%8A%80%E6%B4%BB%E5%8A%A8%E5%91%A8%E5%BC%80%E5%B1%95%E6%83%85%E5%86%B5%E7%BB%9F%E8%AE%A1%E8%A1%A8.xlsx")
        let awkward = ContentDisposition(title: "a/b\"c;d 表", fallback: "x\"y z", fileExtension: "docx")
        #expect(awkward.headerValue == "attachment; filename=\"x_y_z.docx\"; filename*=UTF-8''a_b_c%3Bd%20%E8%A1%A8.docx")
    }
}

/// Counts how many are inside at once, and the most there ever were.
final class Gauge: @unchecked Sendable {
    private let lock = NSLock()
    private var now = 0
    private(set) var peak = 0

    func enter() { lock.withLock { now += 1; peak = max(peak, now) } }
    func leave() { lock.withLock { now -= 1 } }
}
