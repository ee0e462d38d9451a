import Foundation

/// The cells of the first worksheet of an XLSX, by A1 reference, with shared strings resolved.
struct SheetCells {
    let sheet: XMLNode
    let values: [String: String]
    let styles: XMLNode

    init(_ package: OfficePackage) throws {
        sheet = try package.xml("xl/worksheets/sheet1.xml")
        styles = try package.xml("xl/styles.xml")
        let strings = package.names.contains("xl/sharedStrings.xml")
            ? try package.xml("xl/sharedStrings.xml").children("si").map { $0.all("t").map(\.text).joined() } : []
        var values: [String: String] = [:]
        for c in sheet.all("c") {
            guard let ref = c["r"], let v = c.first("v")?.text ?? c.first("t")?.text else { continue }
            values[ref] = c["t"] == "s" ? strings[Int(v)!] : v
        }
        self.values = values
    }

    subscript(ref: String) -> String? { values[ref] }

    var merges: Set<String> { Set(sheet.all("mergeCell").compactMap { $0["ref"] }) }

    /// The `cellXfs` entry of the cell at `ref`.
    func format(of ref: String) -> XMLNode? {
        guard let cell = sheet.all("c").first(where: { $0["r"] == ref }) else { return nil }
        let index = Int(cell["s"] ?? "0")!
        return styles.first("cellXfs")?.children("xf")[index]
    }

    /// The font of the cell at `ref`: name and size.
    func font(of ref: String) -> (name: String, size: String)? {
        guard let xf = format(of: ref), let id = Int(xf["fontId"] ?? "0") else { return nil }
        let font = styles.first("fonts")!.children("font")[id]
        return (font.first("name")?["val"] ?? "", font.first("sz")?["val"] ?? "")
    }

    func isLocked(_ ref: String) -> Bool {
        format(of: ref)?.first("protection")?["locked"] != "0"
    }

    /// The data validation whose range includes `ref` exactly as its first cell or range.
    func validation(covering ref: String) -> XMLNode? {
        sheet.all("dataValidation").first { ($0["sqref"] ?? "").split(separator: " ").contains { $0 == ref || $0.hasPrefix(ref + ":") } }
    }
}
