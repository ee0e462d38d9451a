import Foundation

/// Writes a validated notice — the notice and all its attachments — as one DOCX packet:
/// GB/T 9704 page, odd and even footers with — N —, seals as images.
public struct NoticeDocxWriter: Sendable {
    public init() {}

    public func write(_ notice: ValidatedNotice, to path: URL, colophon placement: ColophonPlacement = .followingText) throws(ZipError) {
        let layout = notice.layout
        let footers: [NoticeComposer.FooterSet: [(kind: String, id: String)]] = [
            .numbered: [(kind: "default", id: "rIdFooterOdd"), (kind: "even", id: "rIdFooterEven")],
            .unnumbered: [(kind: "default", id: "rIdFooterBlank"), (kind: "even", id: "rIdFooterBlank")],
        ]
        var composer = NoticeComposer(notice: notice, footers: footers, colophonPlacement: placement)
        let (body, section) = composer.compose()
        let f = layout.fonts
        func footer(_ side: FooterPart.Side) -> Data {
            Data(FooterPart(side: side, font: f.pageNumber, latin: f.latin, indent: layout.characterTwips).xml.utf8)
        }
        var parts: [(name: String, contentType: String?, relationship: String, data: Data, id: String)] = [
            ("footer1.xml", DocxContentType.footer, DocxRelationshipType.footer, footer(.odd), "rIdFooterOdd"),
            ("footer2.xml", DocxContentType.footer, DocxRelationshipType.footer, footer(.even), "rIdFooterEven"),
        ]
        if placement == .afterBlankPage {
            parts.append(("footer3.xml", DocxContentType.footer, DocxRelationshipType.footer, Data(FooterPart.blank.utf8), "rIdFooterBlank"))
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
