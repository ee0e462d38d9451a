import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A LibreOffice kept warm behind our bridge (`templates/pdf/bridge.py`, Python with
/// LibreOffice's own UNO binding): the bridge starts soffice.bin with a private profile and
/// the shipped fontconfig file, keeps one connection to it and converts jobs sent as JSON
/// lines. Chosen by measurement over unoserver 3.7 (same LibreOffice 7.4, one instance, the
/// shipped fontconfig, 20 filled key-project forms, 2 cores): 0.09 s a document here, against
/// 0.17 s with unoserver's client library in one process and 0.30 s with its `unoconvert`
/// (a client process a document). unoserver puts an XML-RPC server of its own between the
/// caller and LibreOffice — one more hop per job and one more process to watch and kill.
///
/// Nothing outlives us: the bridge leads its own process group, which `stop()` kills whole;
/// soffice.bin has PR_SET_PDEATHSIG set to die with the bridge; and the bridge ends when its
/// stdin closes or its parent changes, which covers our own SIGKILL.
public final class PDFBridgeInstance: PDFInstance, @unchecked Sendable {
    /// How to start one: the programs and files it runs with.
    public struct Launch: Sendable {
        public var python: URL
        public var bridge: URL
        public var sofficeBinary: URL
        public var fontConfig: URL?
        /// How long LibreOffice may take to start and answer (a first start writes a profile).
        public var startup: TimeInterval = 60

        public init(python: URL, bridge: URL, sofficeBinary: URL, fontConfig: URL?) {
            self.python = python
            self.bridge = bridge
            self.sofficeBinary = sofficeBinary
            self.fontConfig = fontConfig
        }

        /// The launch this machine and checkout allow, or why there is none: LibreOffice's
        /// soffice.bin, a Python that imports `uno` (Debian's python3-uno is for /usr/bin's),
        /// and the bridge file next to the templates.
        public static func located(fontConfig: URL?, bridge: URL?) -> Result<Launch, PDFConverter.Failure> {
            guard let soffice = PDFConverter.soffice() else { return .failure(.unavailable) }
            let program = soffice.resolvingSymlinksInPath().deletingLastPathComponent()
            let binary = program.appendingPathComponent("soffice.bin")
            guard FileManager.default.isExecutableFile(atPath: binary.path) else {
                return .failure(.failed(status: -1, output: "no soffice.bin next to \(soffice.path)"))
            }
            guard let bridge = bridge ?? Self.shippedBridge(fontConfig: fontConfig),
                  FileManager.default.fileExists(atPath: bridge.path) else {
                return .failure(.failed(status: -1, output: "templates/pdf/bridge.py not found"))
            }
            let pythons = ["/usr/bin/python3", "/usr/local/bin/python3"].filter { FileManager.default.isExecutableFile(atPath: $0) }
            guard let python = pythons.first else {
                return .failure(.failed(status: -1, output: "no python3 for LibreOffice's UNO bridge (apt-get install python3-uno)"))
            }
            return .success(Launch(python: URL(fileURLWithPath: python), bridge: bridge, sofficeBinary: binary, fontConfig: fontConfig))
        }

        /// `templates/fonts/fonts.conf` → `templates/pdf/bridge.py`; else the checkout's templates.
        static func shippedBridge(fontConfig: URL?) -> URL? {
            if let fontConfig {
                return fontConfig.deletingLastPathComponent().deletingLastPathComponent()
                    .appendingPathComponent("pdf/bridge.py")
            }
            return (try? TemplatesRoot.located())?.folder.appendingPathComponent("pdf/bridge.py")
        }
    }

    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let profile: URL
    /// The profile's entry in `PendingPaths`: an interrupted command removes it even when
    /// it ends before this instance can.
    private let pendingProfile: UInt64
    private let lock = NSLock()
    private var buffer = Data()
    private var stopped = false
    private var nextID = 0
    /// soffice.bin's pid, as the bridge reports it when LibreOffice first answers.
    public private(set) var officePID: Int32 = 0
    public var bridgePID: Int32 { process.processIdentifier }

    /// Starts the bridge and its LibreOffice and waits until LibreOffice answers.
    public init(_ launch: Launch, slot: Int) throws(PDFInstanceFault) {
        profile = FileManager.default.temporaryDirectory
            .appendingPathComponent("gongwen-pdf-pool-\(getpid())-\(slot)-\(UUID().uuidString.prefix(8))")
        guard let pending = PendingPaths.shared.add(profile.path) else { throw .died("the command is being interrupted") }
        pendingProfile = pending
        do {
            try FileManager.default.createDirectory(at: profile, withIntermediateDirectories: true)
        } catch {
            throw .died("cannot create the profile folder: \(error)")
        }
        process.executableURL = launch.python
        process.arguments = [launch.bridge.path, launch.sofficeBinary.path, profile.path,
                             "gongwen-\(getpid())-\(slot)-\(UUID().uuidString.prefix(8))", String(Int(launch.startup))]
        var environment = ProcessInfo.processInfo.environment
        if let fontConfig = launch.fontConfig { environment["FONTCONFIG_FILE"] = fontConfig.path }
        environment["HOME"] = profile.path
        // LibreOffice's own scratch files (lu….tmp) inside the profile, which goes with the
        // instance: a soffice.bin that is killed does not clean up after itself.
        let scratch = profile.appendingPathComponent("tmp")
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        environment["TMPDIR"] = scratch.path
        environment.removeValue(forKey: "PYTHONPATH")  // the system Python's own uno, not a virtualenv's
        process.environment = environment
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { throw .died("cannot start the PDF bridge: \(error)") }
        PDFProcessReaper.shared.register(self)
        let ready: [String: Any]
        do {
            ready = try readAnswer(deadline: launch.startup + 5)
        } catch {
            stop()
            if case .died = error {
                throw .died("\(launch.python.path) \(launch.bridge.lastPathComponent) ended at start (is python3-uno installed?)")
            }
            throw error
        }
        guard ready["ready"] as? Bool == true, let pid = ready["pid"] as? Int else {
            stop()
            throw .died(ready["error"] as? String ?? "LibreOffice did not start")
        }
        officePID = Int32(pid)
    }

    public func convert(_ source: URL, to destination: URL, deadline: TimeInterval) throws(PDFInstanceFault) {
        nextID += 1
        // A name of this attempt's own: an instance killed while storing may leave a partial
        // file and LibreOffice's lock beside it, which would make the retry's store abort.
        let attempt = destination.deletingLastPathComponent()
            .appendingPathComponent(".gongwen-\(UUID().uuidString.prefix(12)).\(destination.pathExtension)")
        // LibreOffice's lock file beside it stays when soffice.bin is killed while storing.
        let lockFile = attempt.deletingLastPathComponent().appendingPathComponent(".~lock.\(attempt.lastPathComponent)#")
        let pending = [attempt, lockFile].map { PendingPaths.shared.add($0.path) }
        defer {
            for file in [attempt, lockFile] { try? FileManager.default.removeItem(at: file) }
            pending.forEach(PendingPaths.shared.remove)
        }
        let job: [String: Any] = ["id": nextID, "source": source.path, "destination": attempt.path]
        guard var line = try? JSONSerialization.data(withJSONObject: job) else { throw .rejected("unencodable path") }
        line.append(0x0A)
        do { try input.fileHandleForWriting.write(contentsOf: line) } catch {
            stop()
            throw .died("the PDF bridge is gone: \(error)")
        }
        let answer: [String: Any]
        do {
            answer = try readAnswer(deadline: deadline)
        } catch {
            stop()  // past its deadline or dead: either way this instance is finished
            throw error
        }
        if answer["ok"] as? Bool == true {
            do {
                try? FileManager.default.removeItem(at: destination)
                try FileManager.default.moveItem(at: attempt, to: destination)
            } catch {
                throw .rejected("cannot move the PDF into place: \(error)")
            }
            return
        }
        let message = answer["error"] as? String ?? "LibreOffice made no PDF"
        if answer["dead"] as? Bool == true {
            stop()
            throw .died(message)
        }
        throw .rejected(message)
    }

    public var residentBytes: Int? {
        guard officePID > 0, let status = try? String(contentsOfFile: "/proc/\(officePID)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              // "VmRSS:\t  262144 kB", the gap tabs or spaces as the number's width asks
              let kilobytes = Int(line.dropFirst("VmRSS:".count).split(whereSeparator: \.isWhitespace).first ?? "") else { return nil }
        return kilobytes * 1024
    }

    public func stop() {
        lock.lock()
        let first = !stopped
        stopped = true
        lock.unlock()
        guard first else { return }
        let pid = process.processIdentifier
        // LibreOffice first, then the bridge's stdin: the bridge reaps soffice.bin and ends,
        // leaving no zombie; its group is killed whole if it takes longer than a second.
        if officePID > 0 { kill(officePID, SIGKILL) }
        try? input.fileHandleForWriting.close()
        let patience = Date().addingTimeInterval(1)
        while pid > 0 && process.isRunning && Date() < patience { usleep(10_000) }
        if pid > 0 {
            kill(-pid, SIGKILL)  // the bridge's group: the bridge and whatever it started
            kill(pid, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: profile)
        PendingPaths.shared.remove(pendingProfile)
        PDFProcessReaper.shared.unregister(self)
    }

    /// Ends LibreOffice and asks the bridge to end, without waiting or touching the disk (what
    /// a signal handler may do): the bridge reaps soffice.bin and removes its profile.
    func killNow() {
        if officePID > 0 { kill(officePID, SIGKILL) }
        let pid = process.processIdentifier
        if pid > 0 { kill(pid, SIGTERM) }
    }

    /// The next line from the bridge, as JSON, within `deadline` seconds.
    private func readAnswer(deadline: TimeInterval) throws(PDFInstanceFault) -> [String: Any] {
        let fd = output.fileHandleForReading.fileDescriptor
        let end = Date().addingTimeInterval(deadline)
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                let line = buffer[buffer.startIndex..<newline]
                buffer = Data(buffer[(newline + 1)...])
                guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any] else { continue }
                return object
            }
            let left = end.timeIntervalSinceNow
            if left <= 0 { throw .deadlineExceeded }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(left, 1) * 1000) + 1)
            if ready < 0 && errno == EINTR { continue }
            if ready <= 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = read(fd, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { throw .died("the PDF bridge ended (LibreOffice killed or crashed)") }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }
}
