import Foundation
import Testing
@testable import Gongwen

/// Every DOCX carries a theme part, as strict OOXML validators require of a document: a
/// DrawingML theme with a colour scheme, a font scheme and a format scheme, related from the
/// document and typed in `[Content_Types].xml`. Nothing refers to its fonts: the runs and the
/// document defaults keep their fonts explicit, so the theme changes nothing a reader shows.
@Suite("DOCX theme part")
struct ThemePartTests {
    static let themePart = "word/theme/theme1.xml"
    static let a = "http://schemas.openxmlformats.org/drawingml/2006/main"

    static func packages() throws -> [(name: String, package: OfficePackage)] {
        [
            ("key-project-2020 blank", try Fixtures.render("key-project-2020", format: .docx)),
            ("statistics-2022 filled", try Fixtures.render("statistics-2022", Fixtures.example(.statistics), format: .docx)),
            ("open-institution-2020 filled", try Fixtures.render("open-institution-2020", Fixtures.example(.openInstitution), format: .docx)),
            ("notice 000", try NoticeTests.render(NoticeTests.notice("000"))),
            ("notice demo-sealed", try NoticeTests.render(NoticeTests.notice("demo-sealed"))),
        ]
    }

    @Test func everyDocxHasItsThemeRelatedAndTyped() throws {
        for (name, package) in try Self.packages() {
            #expect(package.names.contains(Self.themePart), "\(name): the part")
            let relationships = try package.xml("word/_rels/document.xml.rels").children("Relationship")
            let theme = relationships.filter { $0["Type"] == "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" }
            #expect(theme.map { $0["Target"] } == ["theme/theme1.xml"], "\(name): one relationship to it")
            #expect(Set(relationships.compactMap { $0["Id"] }).count == relationships.count, "\(name): ids stay unique")
            let overrides = try package.xml("[Content_Types].xml").children("Override")
            #expect(overrides.first { $0["PartName"] == "/" + Self.themePart }?["ContentType"]
                    == "application/vnd.openxmlformats-officedocument.theme+xml", "\(name): its content type")
        }
    }

    /// CT_OfficeStyleSheet as the schema orders it: themeElements holding the three schemes,
    /// the twelve colours in their order, a major and a minor font each with its Latin, East
    /// Asian and complex-script face, and at least three styles in each list of the format
    /// scheme (the schema's minimum).
    @Test func theThemeHasTheThreeSchemes() throws {
        let package = try Fixtures.render("key-project-2020", format: .docx)
        let theme = try package.xml(Self.themePart)
        #expect(theme.name == "a:theme")
        #expect(theme["xmlns:a"] == Self.a)
        #expect(theme["name"]?.isEmpty == false)
        #expect(theme.children.map(\.name) == ["a:themeElements", "a:objectDefaults", "a:extraClrSchemeLst"])
        let elements = try #require(theme.first("a:themeElements"))
        #expect(elements.children.map(\.name) == ["a:clrScheme", "a:fontScheme", "a:fmtScheme"])
        #expect(elements.children.allSatisfy { $0["name"]?.isEmpty == false })
        let colours = try #require(elements.first("a:clrScheme")).children.map(\.name)
        #expect(colours == ["a:dk1", "a:lt1", "a:dk2", "a:lt2", "a:accent1", "a:accent2", "a:accent3",
                            "a:accent4", "a:accent5", "a:accent6", "a:hlink", "a:folHlink"])
        let fonts = try #require(elements.first("a:fontScheme"))
        #expect(fonts.children.map(\.name) == ["a:majorFont", "a:minorFont"])
        for font in fonts.children {
            #expect(font.children.map(\.name) == ["a:latin", "a:ea", "a:cs"])
        }
        let format = try #require(elements.first("a:fmtScheme"))
        #expect(format.children.map(\.name) == ["a:fillStyleLst", "a:lnStyleLst", "a:effectStyleLst", "a:bgFillStyleLst"])
        for list in format.children {
            #expect(list.children.count >= 3, "\(list.name)")
        }
    }

    /// The theme names the document's own faces, so that even a reader that falls back to
    /// theme fonts shows the same letters; and nothing in the document asks for them.
    @Test func noThemeFontIsReferenced() throws {
        for (name, package) in try Self.packages() {
            let fonts = try package.xml(Self.themePart).first("a:minorFont")
            #expect(fonts?.first("a:latin")?["typeface"] == "Times New Roman", "\(name)")
            #expect(fonts?.first("a:ea")?["typeface"] == "仿宋_GB2312", "\(name)")
            for part in package.names where part.hasSuffix(".xml") && part != Self.themePart {
                let themed = try package.xml(part).all("w:rFonts").filter { fonts in
                    fonts.attributes.keys.contains { $0.hasSuffix("Theme") || $0 == "w:cstheme" }
                }
                #expect(themed.isEmpty, "\(name): \(part) refers to theme fonts")
            }
        }
    }
}
