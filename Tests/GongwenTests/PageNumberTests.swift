import Foundation
import Testing
@testable import Gongwen

/// Where — N — stands (GB/T 9704 clauses 7.5 and 10): its dash 7 mm below the text block on
/// portrait pages; on landscape pages turned a quarter, outside the text block's left edge
/// (the sheet's bottom once the sheet is held upright), at the end that is the sheet's right on
/// odd pages and its left on even ones. Asserted on the section and footer XML; the positions
/// LibreOffice draws are measured by Tests/independent/check_page_numbers.py.
@Suite("Page numbers (GB/T 9704 7.5, 10)")
struct PageNumberTests {
    /// A section's page as its `w:sectPr` says it, in twips.
    struct SectionPage {
        var width, height, top, bottom, left, footer: Int
        var landscape: Bool
        /// Relationship ids of the odd (`default`) and even footers.
        var odd, even: String

        init(_ s: XMLNode) throws {
            let size = try #require(s.first("w:pgSz")), m = try #require(s.first("w:pgMar"))
            func int(_ node: XMLNode, _ key: String) throws -> Int {
                let text = try #require(node[key])
                return try #require(Int(text))
            }
            width = try int(size, "w:w")
            height = try int(size, "w:h")
            top = try int(m, "w:top")
            bottom = try int(m, "w:bottom")
            left = try int(m, "w:left")
            footer = try int(m, "w:footer")
            landscape = size["w:orient"] == "landscape"
            let refs = s.all("w:footerReference")
            odd = try #require(refs.first { $0["w:type"] == "default" }?["r:id"])
            even = try #require(refs.first { $0["w:type"] == "even" }?["r:id"])
        }
    }

    /// Notice 000: portrait pages, then 附件2, the landscape list form open-institution-2020.
    static func render() throws -> (package: OfficePackage, sections: [SectionPage], footer: (String) throws -> XMLNode) {
        let (package, body) = try NoticeTests.render("000")
        let sections = try body.all("w:sectPr").map(SectionPage.init)
        let rels = try package.xml("word/_rels/document.xml.rels").all("Relationship")
        func footer(_ id: String) throws -> XMLNode {
            let target = try #require(rels.first { $0["Id"] == id }?["Target"], "no relationship \(id)")
            return try package.xml("word/" + target)
        }
        return (package, sections, footer)
    }

    @Test func portraitNumberLineLeavesTheDashSevenMillimetresBelowTheTextBlock() throws {
        let (_, sections, footer) = try Self.render()
        let portrait = sections.filter { !$0.landscape }
        #expect(!portrait.isEmpty)
        for s in portrait {
            // 25.25 mm from the paper's bottom edge to the bottom of the number line: with the
            // line's single spacing LibreOffice puts the dash's ink 7.0 mm below the text block
            // (measured; 21 mm put it 11.2 mm below).
            #expect(s.footer == 1431)
            #expect(s.bottom == 1984)
            for id in [s.odd, s.even] {
                let p = try #require(try footer(id).first("w:p"))
                #expect(p.first("w:spacing")?["w:lineRule"] == nil, "single spacing: the line's height is the font's")
            }
        }
    }

    @Test func landscapeSectionsHaveTheirOwnOddAndEvenFooters() throws {
        let (_, sections, footer) = try Self.render()
        let portrait = try #require(sections.first { !$0.landscape })
        let landscape = try #require(sections.first { $0.landscape })
        #expect(Set([landscape.odd, landscape.even]).isDisjoint(with: [portrait.odd, portrait.even]))
        #expect(landscape.odd != landscape.even)
        // No number along the landscape page's bottom: the footer's own paragraphs are empty.
        for id in [landscape.odd, landscape.even] {
            let part = try footer(id)
            #expect(part.children("w:p").allSatisfy { $0.allText.isEmpty })
            #expect(part.children("w:tbl").count == 1)
        }
    }

    @Test func landscapeNumberStandsTurnedInACellLeftOfTheTextBlock() throws {
        let (_, sections, footer) = try Self.render()
        let s = try #require(sections.first { $0.landscape })
        // The strip between the text block and the number line's outer edge, as wide as the
        // portrait footer's (the sheet's bottom margin less the footer distance), turned to the
        // left edge: the landscape page's left margin is the sheet's bottom one.
        let strip = s.left - s.footer
        for (id, side) in [(s.odd, "odd"), (s.even, "even")] {
            let table = try #require(try footer(id).first("w:tbl"))
            let position = try #require(table.first("w:tblpPr"))
            #expect(position["w:horzAnchor"] == "page" && position["w:vertAnchor"] == "page")
            #expect(position["w:tblpX"] == String(s.left - strip))
            #expect(position["w:tblpY"] == String(s.top))
            #expect(table.first("w:tblW")?["w:w"] == String(strip))
            #expect(table.first("w:gridCol")?["w:w"] == String(strip))
            #expect(table.first("w:tblLayout")?["w:type"] == "fixed")
            let height = try #require(table.first("w:trHeight"))
            #expect(height["w:val"] == String(s.height - s.top - s.bottom) && height["w:hRule"] == "exact")
            let cell = try #require(table.first("w:tc"))
            // tbRl turns the line a quarter clockwise: read top to bottom, the glyphs' tops
            // toward the text block, so the number reads — N — on the sheet held upright.
            #expect(cell.first("w:textDirection")?["w:val"] == "tbRl")
            // The line's foot on the strip's outer edge, as the portrait line stands on the
            // footer distance.
            #expect(cell.first("w:vAlign")?["w:val"] == "bottom")
            let p = try #require(cell.first("w:p"))
            if side == "odd" {
                // The sheet's right is the landscape page's bottom: the line's end.
                #expect(p.first("w:jc")?["w:val"] == "right")
                #expect(p.first("w:ind")?["w:right"] == "280")   // one 四号 character
                #expect(p.allText.replacingOccurrences(of: " PAGE ", with: "") == "— 1 —")
            } else {
                #expect(p.first("w:jc")?["w:val"] == "left")
                #expect(p.first("w:ind")?["w:left"] == "280")
                #expect(p.allText.replacingOccurrences(of: " PAGE ", with: "") == "— 2 —")
            }
            #expect(p.first("w:rFonts")?["w:eastAsia"] == "宋体")
            #expect(p.first("w:sz")?["w:val"] == "28")
        }
    }

    @Test func everyNumberedFooterHasAPageFieldWithACachedResult() throws {
        let (_, sections, footer) = try Self.render()
        let ids = Set(sections.flatMap { [$0.odd, $0.even] })
        #expect(ids.count == 4)  // portrait odd and even, landscape odd and even
        for id in ids {
            let part = try footer(id)
            // The runs of the field in order: begin, instruction, separate, result, end.
            let runs = part.all("w:r").filter { $0.first("w:fldChar") != nil || $0.first("w:instrText") != nil || $0.first("w:t") != nil }
            let begin = try #require(runs.firstIndex { $0.first("w:fldChar")?["w:fldCharType"] == "begin" }, "\(id)")
            #expect(runs[begin + 1].first("w:instrText")?.text == " PAGE ")
            #expect(runs[begin + 2].first("w:fldChar")?["w:fldCharType"] == "separate")
            let cached = try #require(runs[begin + 3].first("w:t")?.text)
            #expect(!cached.isEmpty && cached.allSatisfy(\.isNumber), "\(id): cached result \(cached)")
            #expect(runs[begin + 4].first("w:fldChar")?["w:fldCharType"] == "end")
        }
    }

    @Test func onlyTheFooterSetsTheSectionsShowArePackaged() throws {
        let (package, body) = try NoticeTests.render("002")  // portrait only
        #expect(body.all("w:sectPr").count == 1)
        #expect(package.names.filter { $0.hasPrefix("word/footer") }.sorted() == ["word/footer1.xml", "word/footer2.xml"])
    }

    /// The API the 版记 work uses (GB/T 9704 7.5: a blank page before the 版记 page, and the
    /// 版记 page, carry no number): a section switched to `.unnumbered` refers to empty odd
    /// and even footers, which the writer then packages.
    @Test func anUnnumberedSectionRefersToEmptyFooters() throws {
        let renderer = NoticeRenderer(library: Fixtures.library, layouts: NoticeTests.layouts)
        let notice = try renderer.validate(NoticeTests.notice("002"), baseFolder: Fixtures.repository.appendingPathComponent("examples/notices"))
        var composer = NoticeComposer(notice: notice)
        composer.writeSignature()
        composer.switchSection(to: .portrait, footers: .unnumbered)
        composer.writeColophon()
        let closing = composer.endSection()
        #expect(closing.footers == .unnumbered)
        #expect(composer.footerSets == [.portrait, .unnumbered])
        var x = XMLBuilder(declaration: false)
        closing.write(to: &x)
        let refs = try XMLNode.parse(Data(x.xml.utf8)).all("w:footerReference").map { "\($0["w:type"]!) \($0["r:id"]!)" }
        #expect(refs == ["default rIdFooterUnnumberedOdd", "even rIdFooterUnnumberedEven"])
        #expect(DocxSection.Footers.unnumbered.partName(.odd) == "footer5.xml")
        #expect(DocxSection.Footers.unnumbered.partName(.even) == "footer6.xml")
        for side in [FooterPart.Side.odd, .even] {
            let part = FooterPart(side: side, placement: notice.layout.footerPlacement(.unnumbered),
                                  font: notice.layout.fonts.pageNumber, indent: notice.layout.characterTwips)
            let footer = try XMLNode.parse(Data(part.xml.utf8))
            #expect(footer.children("w:p").count == 1)
            #expect(footer.all("w:r").isEmpty && footer.all("w:fldChar").isEmpty)
        }
    }
}
