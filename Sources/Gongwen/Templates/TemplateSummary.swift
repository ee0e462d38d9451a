/// What `gongwen templates --json` and the service's `/api/templates` say about a template:
/// enough for a client to build a form for it.
public struct TemplateSummary: Codable, Sendable, Equatable {
    public var id: String
    public var form: FormKind
    /// The name of the form kind (重点项目（活动）备案表), for grouping variants.
    public var formName: String
    public var title: String
    public var source: String
    public var fields: [FieldDefinition]
    /// Where each field sits, as in the template: a client that draws the table itself lays
    /// it out the same way (the web page takes its sections from `groups` and its list
    /// columns from here).
    public var layout: TemplateLayout
    /// The line above the table (填报单位（盖章）：) and its field, when the form has one.
    public var header: HeaderLine?
    /// The field that names a filled form, when there is one.
    public var subject: String?
    /// The fields `collect` adds up.
    public var totals: [String]
    /// The fields outside a list's rows in the sections a client shows them in (the header
    /// line's field, then the table's groups with their labels and units), so that it need
    /// not read the layout's row spans to group them.
    public var groups: [FieldGroup]

    public init(_ template: FormTemplate) {
        id = template.id
        form = template.form
        formName = template.formName
        title = template.title
        source = template.source
        fields = template.fields
        layout = template.layout
        header = template.header
        subject = template.subject
        totals = template.totals
        groups = FieldGroup.sections(of: template)
    }
}
