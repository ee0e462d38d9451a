/// The 发文字号 of a draft put right where the mistake is one of the usual three — other
/// brackets than 〔〕, 第 before the number, leading zeros — with the problems that
/// `DocumentNumberProblem` names, so the warning says what was wrong in the office's words.
enum DraftNumber {
    static let anyBrackets = CompiledRegex(/[^\s〔\[［(（【]{1,15}\s*[〔\[［(（【]\s*[0-9]{4}\s*[〕\]］)）】]\s*第?\s*[0-9]+\s*号/)
    static let parts = CompiledRegex(/([^〔\[［(（【]+)[〔\[［(（【]([0-9]{4})[〕\]］)）】]第?0*([0-9]+)号/)

    /// A line that is a 发文字号: 机关代字, a year in some brackets, an optional 第, digits, 号.
    static func isNumber(_ text: String) -> Bool {
        text.wholeMatch(of: Self.anyBrackets.regex) != nil
    }

    static func corrected(_ text: String) -> (number: String, warning: NoticeImportWarning?) {
        let written = text.filter { $0 != " " }
        let problems = DocumentNumberProblem.problems(in: written)
        guard !problems.isEmpty else { return (written, nil) }
        var fixed = written
        if let m = fixed.wholeMatch(of: Self.parts.regex) {
            fixed = "\(m.1)〔\(m.2)〕\(m.3)号"
        }
        let left = DocumentNumberProblem.problems(in: fixed)
        if left.isEmpty {
            return (fixed, .documentNumberCorrected(from: written, to: fixed, problems: problems.map(\.description)))
        }
        return (written, .documentNumberDoubtful(written, problems: problems.map(\.description)))
    }
}
