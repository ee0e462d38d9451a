/// `xl/styles.xml`: the custom number formats and each cell style's number format.
final class StylesHandler: XMLEventHandler {
    var formats: [Int: String] = [:]
    var styleFormats: [Int] = []
    private var inCellStyles = false

    func start(_ name: String, _ attributes: [String: String]) -> ReadError? {
        switch local(name) {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] { formats[id] = code }
        case "cellXfs": inCellStyles = true
        case "xf" where inCellStyles: styleFormats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default: break
        }
        return nil
    }

    func end(_ name: String) { if local(name) == "cellXfs" { inCellStyles = false } }
    func characters(_ text: String) {}

    var numberFormats: XlsxNumberFormats { XlsxNumberFormats(formats: formats, styleFormats: styleFormats) }
}
