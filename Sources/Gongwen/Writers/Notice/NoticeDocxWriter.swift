import Foundation

/// Writes a validated notice — the notice and all its attachments — as one DOCX packet:
/// GB/T 9704 page, odd and even footers with — N — for each footer set its sections show,
/// seals as images.
public struct NoticeDocxWriter: Sendable {
    public init() {}

    public func write(_ notice: ValidatedNotice, to path: URL, colophon placement: ColophonPlacement = .followingText) throws(ZipError) {
        let layout = notice.layout
        var composer = NoticeComposer(notice: notice, colophonPlacement: placement)
        let (body, section) = composer.compose()
        let f = layout.fonts
        var parts: [(name: String, contentType: String?, relationship: String, data: Data, id: String)] = []
        for footers in DocxSection.Footers.allCases where composer.footerSets.contains(footers) {
            for side in [FooterPart.Side.odd, .even] {
                let part = FooterPart(side: side, placement: layout.footerPlacement(footers), font: f.pageNumber,
                                      indent: DocxUnits.twips(points: f.pageNumber.size))
                parts.append((footers.partName(side), DocxContentType.footer, DocxRelationshipType.footer,
                              Data(part.xml.utf8), footers.relationshipID(side)))
            }
        }
        for image in composer.images {
            parts.append((image.name, nil, DocxRelationshipType.image, image.data, image.id))
        }
        var fonts = Set([f.body, f.issuer, f.title, f.heading1, f.heading2, f.heading3, f.heading4, f.marks, f.signer,
                         f.attachmentLabel, f.colophon, f.pageNumber].map(\.eastAsia))
        for case .form(let sheet) in notice.attachments.map(\.content) {
            let s = sheet.fonts
            fonts.formUnion([s.title, s.header, s.label, s.heading, s.value, s.note].map(\.eastAsia))
        }
        var package = DocxPackage(
            title: notice.document.title.joined(), subject: notice.document.documentNumber ?? "",
            body: body, section: section, fonts: fonts.sorted() + [f.latin], defaultFont: f.body, latin: f.latin)
        package.extraParts = parts
        package.evenAndOddHeaders = true
        try package.write(to: path)
    }
}
