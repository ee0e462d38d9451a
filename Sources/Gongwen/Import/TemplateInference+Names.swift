import Foundation

extension TemplateInference {
    /// A template id from a file name that is already one, lowercased (KeyProject_2023 →
    /// keyproject-2023); nil for a name with no ASCII letters (most Chinese file names).
    static func id(fromFileName stem: String) -> String? {
        var id = ""
        for scalar in stem.lowercased().unicodeScalars {
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                id.unicodeScalars.append(scalar)
            } else if !id.isEmpty, !id.hasSuffix("-") {
                id += "-"
            }
        }
        while id.hasSuffix("-") { id.removeLast() }
        guard FormKind.isKebabCase(id), id.count >= 3 else { return nil }
        return id
    }

    /// `form-` and eight hex digits of the title: the same title gives the same id.
    static func id(fromTitle title: String) -> String {
        "form-" + FieldKeys.key(for: LabelText.squeezed(title)).dropFirst("field".count)
    }

    /// The title without a leading year (2020 年科技活动周… → 科技活动周…).
    static func formName(fromTitle title: String) -> String {
        var t = Substring(title.trimmingCharacters(in: .whitespaces))
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        if digits.count == 4 {
            let rest = t.dropFirst(4).drop { $0 == " " }
            if rest.first == "年" { t = rest.dropFirst().drop { $0 == " " } }
        }
        return t.isEmpty ? title : String(t)
    }
}
