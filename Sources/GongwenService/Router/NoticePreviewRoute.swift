import Foundation
import Gongwen
import HTTPTypes
import Hummingbird

/// `POST /api/notices/preview?dpi=D&pages=N`: the notice JSON in (as `POST /api/notices`
/// takes it), its pages out as PNG images, for the web page's live preview. The PDF is the one
/// `?format=pdf` makes (the same engine, on the PDF queue), drawn by poppler's `pdftoppm` (on
/// the render pool).
///
/// One request answers every page (up to `pages`), as a JSON list of data URLs, rather than
/// one request a page: a notice's PDF costs a LibreOffice conversion (a third of a second warm,
/// seconds cold), and the service keeps nothing between requests, so a request a page would convert the notice once
/// for every page. One request is also one thing for the page to cancel when the text changes.
struct NoticePreviewRoute {
    let environment: ServiceEnvironment

    /// The resolution bounds: 100 dpi draws an A4 page at 827 × 1169 pixels, enough to read
    /// on a screen; more would only make the answer heavy.
    static let dpiRange = 20...100
    static let defaultDPI = 60
    /// The pages drawn at most; the answer still says how many the notice has.
    static let pageRange = 1...20

    struct Answer: Encodable {
        struct Page: Encodable {
            var number: Int
            var width: Int
            var height: Int
            var image: String
        }
        var pageCount: Int
        var dpi: Int
        var truncated: Bool
        var pages: [Page]
    }

    func addRoutes<Context: RequestContext>(to routes: RouteRegistry<Context>) {
        let environment = self.environment
        let rasterizer = environment.settings.rasterizer ?? .poppler
        routes.post("/api/notices/preview") { request, _ in
            let dpi = try Self.integer(request, name: "dpi", label: "分辨率", range: Self.dpiRange, fallback: Self.defaultDPI)
            let maxPages = try Self.integer(request, name: "pages", label: "页数上限", range: Self.pageRange,
                                            fallback: Self.pageRange.upperBound)
            let engine = environment.pdf
            if !engine.isAvailable() { throw PDFConverter.Failure.unavailable }
            if !rasterizer.isAvailable() { throw ServiceError.pdfUnavailable(detail: PageRasterizer.missing) }
            let body = try await RequestBodyReader.json(request, limit: environment.settings.maxJSONBytes,
                                                           within: environment.settings.timeout)
            let pdf = try await environment.perform(.pdf) { folder in
                let (renderer, validated, _) = try NoticeRoutes.validated(body, environment: environment, in: folder)
                let pdf = folder.appendingPathComponent("notice.pdf")
                try renderer.writeDocxAndPDF(validated, docx: folder.appendingPathComponent("notice.docx"), pdf: pdf,
                                             convert: engine.convert)
                return try Data(contentsOf: pdf)
            }
            // Drawn on the render pool, not the PDF pool: a PDF slot is a LibreOffice instance,
            // and pdftoppm (about 0.1 s a page at 60 dpi) should not keep one from the next PDF.
            let pages = try await environment.perform(.quick) { folder in
                let file = folder.appendingPathComponent("notice.pdf")
                try pdf.write(to: file)
                return try rasterizer.draw(file, folder, dpi, maxPages)
            }
            let answer = Answer(pageCount: pages.pageCount, dpi: dpi, truncated: pages.pngs.count < pages.pageCount,
                                pages: pages.pngs.enumerated().map { index, png in
                                    let size = Self.pngSize(png)
                                    return .init(number: index + 1, width: size.width, height: size.height,
                                                 image: "data:image/png;base64," + png.base64EncodedString())
                                })
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            let data = try encoder.encode(answer)
            var headers: HTTPFields = [.contentType: "application/json", .cacheControl: "no-store"]
            headers[HTTPField.Name("X-Page-Count")!] = String(pages.pageCount)
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    /// A whole number in `range`, or `fallback` when absent; anything else a 400 naming it.
    static func integer(_ request: Request, name: String, label: String, range: ClosedRange<Int>, fallback: Int) throws -> Int {
        guard let raw = request.uri.queryParameters.get(name) else { return fallback }
        guard let value = Int(raw), range.contains(value) else {
            throw ServiceError.invalidParameter(name: name, label: label, rule: "range",
                                                message: "应为 \(range.lowerBound)–\(range.upperBound) 之间的整数，不能是“\(raw)”")
        }
        return value
    }

    /// The pixel size in a PNG's IHDR chunk (bytes 16–23), so the page can reserve the space
    /// before the image is decoded; zero for bytes that are not a PNG.
    static func pngSize(_ png: Data) -> (width: Int, height: Int) {
        let bytes = [UInt8](png.prefix(24))
        guard bytes.count == 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { return (0, 0) }
        let number = { (at: Int) in bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (number(16), number(20))
    }
}
