/// What `gongwen templates --json` and the service's `/api/templates` say about a template:
/// enough for a client to build a form for it.
public struct TemplateSummary: Codable, Sendable, Equatable {
    public var id: String
    public var form: FormKind
    public var title: String
    public var source: String
    public var fields: [FieldDefinition]

    public init(_ template: FormTemplate) {
        id = template.id
        form = template.form
        title = template.title
        source = template.source
        fields = template.fields
    }
}
