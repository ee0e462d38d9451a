/// Decodes a `Decodable` from a parsed `JSONValue` rather than from bytes, for notices: what
/// the parser checked (syntax, duplicate keys, nesting, positions) holds, a form's data inside
/// keeps its number literals, and a key that the reading type does not declare — its
/// `CodingKeys` give no key for the name — is reported at its path instead of dropped, at
/// every level. Foundation's decoder skips such keys, so `nte` for `note` lost the 附注.
struct JSONValueDecoder: Decoder {
    let value: JSONValue
    let codingPath: [any CodingKey]
    let findings: Findings
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// The unknown keys of one decoding, shared by all its decoders.
    final class Findings {
        private(set) var unknownKeys: [String] = []

        func unknown(_ path: JSONPath) {
            let key = path.description
            if !unknownKeys.contains(key) { unknownKeys.append(key) }
        }
    }

    /// A value missing, or of the wrong kind, where the type reads it.
    struct Mismatch: Error {
        var path: JSONPath
        var rule: FieldRule
    }

    /// An array index in a coding path.
    struct Index: CodingKey {
        let intValue: Int?
        var stringValue: String { "\(intValue ?? 0)" }
        init(_ index: Int) { intValue = index }
        init?(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }

    /// `T` read from `value`, or every unknown key and the first missing or mistyped value
    /// as field issues, keyed by their paths (`colophon.copyto`) and without labels.
    static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        let findings = Findings()
        var decoded: T?
        var issues: [FieldIssue] = []
        do {
            decoded = try T(from: JSONValueDecoder(value: value, codingPath: [], findings: findings))
        } catch let mismatch as Mismatch {
            issues.append(FieldIssue(key: mismatch.path.description, label: "", rule: mismatch.rule))
        }
        issues = findings.unknownKeys.map { FieldIssue(key: $0, label: "", rule: .unknownKey) } + issues
        if let decoded, issues.isEmpty { return decoded }
        throw ValidationFailure(issues: issues)
    }

    /// This value is not the kind the type reads.
    func mismatch(expected: String) -> Mismatch {
        Mismatch(path: JSONPath(codingPath), rule: .wrongKind(expected: expected, found: value.kindName))
    }

    /// The decoder of a value inside this one.
    func nested(_ value: JSONValue, at key: any CodingKey) -> JSONValueDecoder {
        JSONValueDecoder(value: value, codingPath: codingPath + [key], findings: findings)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else { throw mismatch(expected: "对象") }
        for name in object.keys.sorted() where Key(stringValue: name) == nil {
            findings.unknown(JSONPath(codingPath).appending(.key(name)))
        }
        return KeyedDecodingContainer(JSONKeyedContainer(object: object, decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let items) = value else { throw mismatch(expected: "数组") }
        return JSONUnkeyedContainer(items: items, decoder: self)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        JSONSingleValueContainer(decoder: self)
    }
}
