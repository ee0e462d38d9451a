/// Where a value sits in a document, written the way error messages and `FieldIssue` keys
/// write it: `rows[2].name`, `attachments[0].form.data`.
struct JSONPath: CustomStringConvertible {
    enum Component {
        case key(String)
        case index(Int)
    }

    var components: [Component] = []

    init(_ components: [Component] = []) { self.components = components }

    var isEmpty: Bool { components.isEmpty }

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
