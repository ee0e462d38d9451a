import Foundation

/// How the service turns a notice's PDF into page images for the web page's live preview:
/// poppler's `pdfinfo` (the page count) and `pdftoppm` (the PNGs) in production; the tests put
/// in one that is missing to see the 503.
public struct PageRasterizer: Sendable {
    /// The pages drawn, in order from page 1, and how many the PDF has in all.
    public struct Pages: Sendable {
        public var pageCount: Int
        public var pngs: [Data]

        public init(pageCount: Int, pngs: [Data]) {
            self.pageCount = pageCount
            self.pngs = pngs
        }
    }

    /// Whether page images can be made at all (asked before any work is done).
    public var isAvailable: @Sendable () -> Bool
    /// Draws pages 1…`maxPages` of the PDF at the first URL at `dpi`, working in the folder
    /// at the second URL.
    public var draw: @Sendable (_ pdf: URL, _ folder: URL, _ dpi: Int, _ maxPages: Int) throws -> Pages

    public init(isAvailable: @escaping @Sendable () -> Bool,
                draw: @escaping @Sendable (URL, URL, Int, Int) throws -> Pages) {
        self.isAvailable = isAvailable
        self.draw = draw
    }

    /// No poppler on this machine.
    public static let unavailable = PageRasterizer(isAvailable: { false }, draw: { _, _, _, _ in
        throw ServiceError.pdfUnavailable(detail: missing)
    })

    static let missing = "没有安装 poppler-utils（pdftoppm、pdfinfo），无法生成预览图（page previews need poppler's pdftoppm）"

    /// poppler's tools, found on `PATH`.
    public static let poppler = PageRasterizer(
        isAvailable: { tool("pdftoppm") != nil && tool("pdfinfo") != nil },
        draw: { pdf, folder, dpi, maxPages in
            guard let pdftoppm = tool("pdftoppm"), let pdfinfo = tool("pdfinfo") else {
                throw ServiceError.pdfUnavailable(detail: missing)
            }
            let info = try run(pdfinfo, [pdf.path], in: folder)
            let count = info.split(whereSeparator: \.isNewline)
                .first { $0.hasPrefix("Pages:") }
                .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }
            guard let count, count > 0 else {
                throw ServiceError.internalFailure(detail: "无法读取 PDF 的页数（pdfinfo gave no page count）")
            }
            let last = min(count, maxPages)
            let stem = folder.appendingPathComponent("page")
            _ = try run(pdftoppm, ["-png", "-r", String(dpi), "-f", "1", "-l", String(last), pdf.path, stem.path], in: folder)
            // pdftoppm pads the page number to the width of the last page's: page-1.png or page-01.png.
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasPrefix("page-") && $0.hasSuffix(".png") }
                .sorted { Int($0.dropFirst(5).dropLast(4)) ?? 0 < Int($1.dropFirst(5).dropLast(4)) ?? 0 }
            guard names.count == last else {
                throw ServiceError.internalFailure(detail: "预览图生成不完整（pdftoppm drew \(names.count) of \(last) pages）")
            }
            return Pages(pageCount: count, pngs: try names.map { try Data(contentsOf: folder.appendingPathComponent($0)) })
        })

    static func tool(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":").map(String.init) + ["/usr/bin"] {
            let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Runs a poppler tool to its end (bounded: a preview is small), its output to a file so
    /// that no pipe fills while it runs; its standard output, or a 500 with what it said.
    private static func run(_ tool: URL, _ arguments: [String], in folder: URL) throws -> String {
        let log = folder.appendingPathComponent(tool.lastPathComponent + ".log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        defer { try? output.close() }
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw ServiceError.internalFailure(detail: "\(tool.lastPathComponent) 失败（status \(process.terminationStatus)）：\(text.prefix(400))")
        }
        return text
    }
}
