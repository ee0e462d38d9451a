extension FormTemplate {
    /// A template put together in code, as the importer does; the same defaults as a file
    /// (`subject`, `totals`, `batchName`) are worked out by the caller.
    init(id: String, form: FormKind, formName: String, title: String, source: String, header: HeaderLine?,
         fields: [FieldDefinition], layout: TemplateLayout, notes: [String], page: PageSetup,
         subject: String?, totals: [String], batchName: String) {
        self.id = id
        self.form = form
        self.formName = formName
        self.title = title
        self.source = source
        self.header = header
        self.fields = fields
        self.layout = layout
        self.notes = notes
        self.page = page
        self.fonts = FontScheme()
        self.sheetPassword = nil
        self.subject = subject
        self.totals = totals
        self.batchName = batchName
    }
}
