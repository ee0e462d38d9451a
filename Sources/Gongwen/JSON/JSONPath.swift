/// Where a value sits in a document, written the way error messages and `FieldIssue` keys
/// write it: `rows[2].name`, `attachments[0].form.data`.
struct JSONPath: CustomStringConvertible {
    enum Component {
        case key(String)
        case index(Int)
    }

    var components: [Component] = []

    init(_ components: [Component] = []) { self.components = components }

    /// The path of a `Decoder`: keys with an integer value are array indexes.
    init(_ codingPath: [any CodingKey]) {
        components = codingPath.map { key in key.intValue.map(Component.index) ?? .key(key.stringValue) }
    }

    var isEmpty: Bool { components.isEmpty }

    func appending(_ component: Component) -> JSONPath { JSONPath(components + [component]) }

    var description: String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key): text += text.isEmpty ? key : "." + key
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }
}
