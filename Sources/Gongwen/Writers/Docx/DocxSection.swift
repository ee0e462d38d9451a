/// The page of a section: A4 in the template's orientation, margins, and the footers its
/// pages show.
struct DocxSection {
    /// The footer set of a notice's section: an odd and an even part each, as GB/T 9704 puts
    /// the number right on odd pages and left on even ones (`w:evenAndOddHeaders`).
    enum Footers: CaseIterable, Hashable {
        /// — N — under the text block.
        case portrait
        /// — N — turned a quarter, outside the landscape text block's left edge: where the
        /// portrait pages have it once the sheet is held upright (GB/T 9704 clause 10).
        case landscape
        /// Empty footers, for pages that carry no number (7.5: a blank page before the 版记
        /// page, and the 版记 page). Leaving a section's references out would not do: a
        /// section without them shows the previous section's footers.
        case unnumbered

        /// The relationship id of the odd (`default`) or even part.
        func relationshipID(_ side: FooterPart.Side) -> String {
            "rIdFooter\(name)\(side == .odd ? "Odd" : "Even")"
        }

        /// The part's name under `word/`: footer1.xml and footer2.xml are the portrait pair.
        func partName(_ side: FooterPart.Side) -> String {
            let index = Self.allCases.firstIndex(of: self)!
            return "footer\(2 * index + (side == .odd ? 1 : 2)).xml"
        }

        private var name: String {
            switch self {
            case .portrait: "Portrait"
            case .landscape: "Landscape"
            case .unnumbered: "Unnumbered"
            }
        }
    }

    var page: PageSetup
    /// From the paper's bottom edge to the bottom of the footer's last line.
    var footerDistanceMM: Double = 10
    /// Nil for a document without footers (a form).
    var footers: Footers?
    /// Exact-line documents (notices) need no grid; forms leave it to the application.
    var linePitch: Int?

    func write(to x: inout XMLBuilder) {
        x.element("w:sectPr") { x in
            writeFooterReferences(to: &x)
            writePageSize(to: &x)
            writePageMargins(to: &x)
            x.empty("w:cols", ["w:space": "425"])
            if let linePitch { x.empty("w:docGrid", ["w:linePitch": String(linePitch)]) }
        }
    }

    private func writeFooterReferences(to x: inout XMLBuilder) {
        guard let footers else { return }
        x.empty("w:footerReference", ["w:type": "default", "r:id": footers.relationshipID(.odd)])
        x.empty("w:footerReference", ["w:type": "even", "r:id": footers.relationshipID(.even)])
    }

    private func writePageSize(to x: inout XMLBuilder) {
        let size = page.paperSize
        let width = String(DocxUnits.twips(millimetres: size.width))
        let height = String(DocxUnits.twips(millimetres: size.height))
        if page.orientation == .landscape {
            x.empty("w:pgSz", ["w:w": width, "w:h": height, "w:orient": "landscape"])
        } else {
            x.empty("w:pgSz", ["w:w": width, "w:h": height])
        }
    }

    private func writePageMargins(to x: inout XMLBuilder) {
        let m = page.margins
        x.empty("w:pgMar", [
            "w:top": String(DocxUnits.twips(millimetres: m.top)),
            "w:right": String(DocxUnits.twips(millimetres: m.right)),
            "w:bottom": String(DocxUnits.twips(millimetres: m.bottom)),
            "w:left": String(DocxUnits.twips(millimetres: m.left)),
            "w:header": String(DocxUnits.twips(millimetres: 10)),
            "w:footer": String(DocxUnits.twips(millimetres: footerDistanceMM)),
            "w:gutter": "0",
        ])
    }
}
