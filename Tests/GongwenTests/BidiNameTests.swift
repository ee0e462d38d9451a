import Foundation
import Testing
@testable import Gongwen

/// A name must read as it is: a right-to-left override turns `…\u{202E}exe.xlsx.xlsx` into
/// what shows as `…xslx.xslx.exe`, and other invisible format characters hide text or make
/// two names look alike. None of them reaches a file name.
@Suite("File names without bidi controls")
struct BidiNameTests {
    static let invisible: [Unicode.Scalar] = [
        "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}", "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}",
        "\u{200E}", "\u{200F}", "\u{061C}", "\u{200B}", "\u{2060}", "\u{FEFF}", "\u{00AD}", "\u{E0041}",
    ]

    @Test func aRightToLeftOverrideIsRemovedFromANameAndItsExtensionReadsAsItIs() {
        #expect(scalars(SafeFileName.stem("郑州大学\u{202E}exe.xlsx")) == scalars("郑州大学exe.xlsx"))
    }

    @Test(arguments: invisible)
    func anInvisibleFormatCharacterIsRemoved(scalar: Unicode.Scalar) {
        #expect(scalars(SafeFileName.stem("郑州\(scalar)大学")) == scalars("郑州大学"))
    }

    @Test func joinersThatEmojiAndScriptsNeedAreKept() {
        let family = "👨\u{200D}👩\u{200D}👧"
        #expect(scalars(SafeFileName.stem(family)) == scalars(family))
        #expect(scalars(SafeFileName.stem("می\u{200C}خواهم")) == scalars("می\u{200C}خواهم"))
    }

    @Test func aDeviceNameDisguisedByAFormatCharacterIsStillRenamed() {
        #expect(SafeFileName.stem("CON\u{202E}") == "_CON")
    }

    @Test func theDisplayNameOfAFilledFormHoldsNoOverride() throws {
        let template = try Fixtures.library.template(id: "key-project-2020")
        let values = FormValues(values: ["projectName": .text("科普周\u{202E}exe.xlsx")])
        #expect(scalars(FormRenderer.displayName(for: template, values: values)) == scalars(template.title + "-科普周exe.xlsx"))
        #expect(scalars(FormRenderer.fileName(for: template, values: values, format: .xlsx)) == scalars("key-project-2020-科普周exe.xlsx.xlsx"))
    }
}
