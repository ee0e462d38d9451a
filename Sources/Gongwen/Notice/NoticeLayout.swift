import Foundation

/// A house style for notices, as data (`templates/layouts/*.json`): page, margins, the line
/// and character grid, fonts and sizes per element, the red, and the line weights. A
/// province's variant is a file, not code.
public struct NoticeLayout: Codable, Sendable {
    public var id: String
    public var description: String?
    public var page: Page
    public var grid: Grid
    /// The red of the issuer mark and the separator line, RRGGBB.
    public var red: String
    public var redLine: RedLine
    /// Distance from the top of the text block to the top of the issuer mark, in mm.
    public var issuerTop: Double
    /// Diameter of a seal, in mm.
    public var sealDiameter: Double
    public var fonts: Fonts
    public var colophonLines: ColophonLines

    public struct Page: Codable, Sendable {
        /// Margins of the A4 page in mm; `footer` is the distance from the paper's bottom
        /// edge to the bottom of the page-number line.
        public var top, bottom, left, right, footer: Double

        /// The page as the DOCX section writes it. A landscape page is the sheet turned with
        /// its top to the sheet's left (GB/T 9704 10: the table's head toward the binding edge
        /// of an odd page, the outer edge of an even one), so it keeps the sheet's text block:
        /// its top margin is the 订口, its left margin the sheet's bottom.
        public func setup(_ orientation: PageSetup.Orientation = .portrait) -> PageSetup {
            switch orientation {
            case .portrait:
                PageSetup(orientation: orientation, margins: Margins(top: top, bottom: bottom, left: left, right: right))
            case .landscape:
                PageSetup(orientation: orientation, margins: Margins(top: left, bottom: right, left: bottom, right: top))
            }
        }
    }

    public struct Grid: Codable, Sendable {
        /// Exact line height of body text in twips (579 gives 22 lines in 225 mm).
        public var lineTwips: Int
        /// Character spacing of body runs in twentieths of a point (−5 gives 28 characters
        /// of 三号 in 156 mm, in Word and LibreOffice alike).
        public var characterSpacing: Int
    }

    public struct RedLine: Codable, Sendable {
        /// Thickness in mm; the standard leaves it open.
        public var thickness: Double
        /// Distance below the document number, in mm.
        public var gap: Double
    }

    public struct ColophonLines: Codable, Sendable {
        /// The first and last lines of the colophon, in mm.
        public var outer: Double
        /// The lines between, in mm.
        public var inner: Double
    }

    public struct Fonts: Codable, Sendable {
        public var latin: String
        public var body, issuer, title, heading1, heading2, heading3, heading4: FontSpec
        public var marks, signer, attachmentLabel, colophon, pageNumber: FontSpec

        public func heading(_ level: Int) -> FontSpec {
            switch level {
            case 1: heading1
            case 2: heading2
            case 3: heading3
            default: heading4
            }
        }
    }

    public static func load(id: String, from folder: URL) throws(TemplateError) -> NoticeLayout {
        let url = folder.appendingPathComponent("\(id).json")
        guard let data = FileManager.default.contents(atPath: url.path) else {
            let known = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
                .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
            throw .unknownTemplate(id: id, known: known)
        }
        do {
            return try JSONDecoder().decode(NoticeLayout.self, from: data)
        } catch {
            throw .invalid(file: url.lastPathComponent, detail: String(describing: error))
        }
    }
}
