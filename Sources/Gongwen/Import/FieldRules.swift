import Foundation

/// The type of a field a label says, for labels no template knows yet: 邮编 → postcode,
/// 电话 → phone, 邮箱 → email, a unit such as （万元） → amount, 人数, 数量 or （个） → count.
/// Each rule returns the words that made it, for the warning that tells the person.
enum FieldRules {
    /// Words and the type they make, tried in order: the first that the label has wins.
    static let rules: [(words: [String], type: FieldType)] = [
        (["邮编", "邮政编码"], .postcode),
        (["邮箱", "e-mail", "email", "电子邮件"], .email),
        (["电话", "手机", "传真", "联系方式"], .phone),
        (["（万元）", "(万元)", "（元）", "(元)", "（亿元）", "(亿元)", "单位：万元", "单位:万元", "单位：元", "单位:元"], .amount),
        (["人数", "个数", "次数", "数量", "（个）", "(个)", "（人）", "(人)", "（次）", "(次)", "（人次）", "(人次)", "（项）", "(项)", "（家）", "(家)"], .count),
    ]

    /// The type the label says and the word that says it; nil when no rule applies.
    static func type(of label: String) -> (type: FieldType, word: String)? {
        let lowered = label.lowercased()
        for rule in rules {
            if let word = rule.words.first(where: { lowered.contains($0) }) { return (rule.type, word) }
        }
        return nil
    }

    /// What an XLSX data validation says of its cell: a type (whole numbers ≥ 0 are a
    /// count, decimals an amount, LEN(…)=6 a postcode, a search for @ an e-mail), a
    /// character limit, and whether the prompt says 必填 (required).
    static func validation(_ v: XlsxDataValidation) -> (type: FieldType?, maxLength: Int?, required: Bool, expressible: Bool) {
        let required = v.prompt?.hasPrefix("必填") ?? false
        let formula = v.formula1.uppercased().filter { !$0.isWhitespace }
        switch v.type {
        case "whole": return (.count, nil, required, true)
        case "decimal": return (.amount, nil, required, true)
        case "textLength":
            let n = Int(v.formula1.trimmingCharacters(in: .whitespaces)) ?? Double(v.formula1).map { Int($0) }
            let isMaximum = v.operation == nil || v.operation == "lessThanOrEqual" || v.operation == "between"
            return (nil, isMaximum ? n : nil, required, true)
        case "custom":
            if formula.contains("FIND(\"@\"") { return (.email, nil, required, true) }
            if formula.contains(")=6") { return (.postcode, nil, required, true) }
            return (nil, nil, required, false)
        case "none": return (nil, nil, required, true)
        default: return (nil, nil, required, false)
        }
    }
}

/// Keys for labels no template knows: `field` and eight hex digits of a hash of the label
/// as a person reads it (spaces, stacking, colons and limits removed), so the key is the same
/// every time the same form is imported, however the file was re-saved or re-spaced; a label
/// used twice gets `2`, `3`… after its key, in reading order.
enum FieldKeys {
    static func key(for label: String) -> String {
        // FNV-1a, 32 bits, over the UTF-8 of the label: small, stable across runs and
        // platforms (Swift's own hashing is seeded per process).
        var hash: UInt32 = 0x811C_9DC5
        for byte in label.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        let hex = String(hash, radix: 16)
        return "field" + String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// A key of `used` made unique: `contact`, then `contact2`, `contact3`…
    static func unique(_ key: String, among used: Set<String>) -> String {
        guard used.contains(key) else { return key }
        var n = 2
        while used.contains(key + String(n)) { n += 1 }
        return key + String(n)
    }
}
