/// Memberwise construction of the notice model for the importer (the model's own types only
/// decode), kept here so the model files stay as the JSON shape describes them.
extension NoticeDocument {
    init(issuer: IssuerMark, title: [String], signature: SignatureBlock, date: String) {
        self.issuer = issuer
        self.title = title
        self.signature = signature
        self.date = date
        body = []
        attachments = []
    }
}

extension IssuerMark {
    init(organs: [String], suffix: String? = "文件") {
        self.organs = organs
        self.suffix = suffix
    }
}

extension SignatureBlock {
    init(organs: [String], sealed: Bool) {
        self.organs = organs.map { SignatoryOrgan(name: $0) }
        self.sealed = sealed
    }
}
