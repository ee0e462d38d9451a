import Gongwen
@testable import GongwenCLI
@testable import GongwenService
import Testing

/// Every kind of error, walked through both edges: the command line's exit code and the
/// service's problem+json status each come from one table, and each kind means the same at
/// both (an input problem is a 4xx where the command line says 64–66).
@Suite("One error taxonomy, two edges")
struct ErrorKindTests {
    struct Sample: GongwenError {
        var kind: ErrorKind
        var description: String { "样例（sample）" }
        var problems: [FieldProblem] {
            kind == .invalidData ? [FieldProblem(field: "email", label: "电子邮箱", rule: "email", message: "格式不正确")] : []
        }
    }

    /// What each kind must be at each edge: sysexits code, HTTP status, problem type.
    static let expected: [ErrorKind: (exit: Int32, status: Int, type: String)] = [
        .usage: (64, 400, "invalid-request"),
        .unknownTemplate: (64, 404, "unknown-template"),
        .invalidData: (65, 422, "invalid-data"),
        .malformedJSON: (65, 400, "malformed-json"),
        .unreadableFile: (65, 400, "malformed-upload"),
        .missingInput: (66, 422, "invalid-data"),
        .brokenTemplate: (78, 500, "internal"),
        .output: (73, 500, "internal"),
        .pdfEngineMissing: (69, 503, "pdf-unavailable"),
        .pdfEngineFailed: (70, 500, "internal"),
        .unavailable: (69, 500, "internal"),
    ]

    @Test(arguments: ErrorKind.allCases)
    func eachKindHasOneExitCodeAndOneStatus(kind: ErrorKind) throws {
        let want = try #require(Self.expected[kind], "no expectation for \(kind)")
        #expect(CommandFailure.exitCode(for: kind) == want.exit)
        let problem = ServiceError.problem(for: Sample(kind: kind)).problem
        #expect(problem.status == want.status)
        #expect(problem.type == "urn:gongwen:problem:" + want.type)
        if kind == .invalidData { #expect(problem.errors.map(\.field) == ["email"]) }
        if (400..<500).contains(want.status) { #expect(problem.detail == "样例（sample）", "a 4xx says what is wrong") }
    }

    /// The library's own errors carry the kinds the edges expect.
    @Test func libraryErrorsHaveTheirKinds() {
        let cases: [(any GongwenError, ErrorKind)] = [
            (TemplateError.unknownTemplate(id: "x", known: []), .unknownTemplate),
            (TemplateError.invalid(file: "a.json", detail: "bad"), .brokenTemplate),
            (ValidationFailure(issues: []), .invalidData),
            (DataFormatError(source: "a", detail: "b"), .malformedJSON),
            (BatchListError.fileMissing(path: "a"), .missingInput),
            (BatchListError.noHeader(file: "a"), .unreadableFile),
            (BatchListError.noRecords(file: "a"), .invalidData),
            (CollectInputError.missing(path: "a"), .missingInput),
            (OutputError(path: "a", detail: "b"), .output),
            (PDFConverter.Failure.unavailable, .pdfEngineMissing),
            (PDFConverter.Failure.failed(status: 1, output: ""), .pdfEngineFailed),
            (FileNamePatternError.noPlaceholder(pattern: "a"), .usage),
            (InputFile.Missing(path: "a"), .missingInput),
            (ImportError.noTable(file: "a.docx"), .unreadableFile),
            (ImportError.passwordProtected(file: "a.xlsx"), .unreadableFile),
            (ImportError.badID("A B"), .usage),
            (OfficeConversion.Failure.unavailable, .pdfEngineMissing),
            (OfficeConversion.Failure.failed(format: "xlsx", status: 1, output: ""), .pdfEngineFailed),
        ]
        for (error, kind) in cases { #expect(error.kind == kind, "\(error)") }
    }

    @Test func invalidDataIsSummedUpOnce() {
        let failure = ValidationFailure(issues: [FieldIssue(key: "email", label: "电子邮箱", rule: .invalidEmail)])
        #expect(failure.summary == "数据有误（invalid data），共 1 处")
        #expect(failure.description == "数据有误（invalid data），共 1 处：\n  - email（电子邮箱）：" + FieldRule.invalidEmail.explanation + " [email]")
        let problem = ServiceError.problem(for: failure).problem
        #expect(problem.detail == failure.summary)
    }
}

@Suite("Rule ids the API documents")
struct RuleIDTests {
    @Test func everyRuleHasItsOwnID() {
        let ids = FieldRule.all.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(ids.first == "required" && ids.contains("max-length") && ids.contains("image-file"))
        // An exhaustive switch: a new rule stops this from compiling until it is counted (and
        // added to FieldRule.all, which this count then checks).
        func position(_ rule: FieldRule) -> Int {
            switch rule {
            case .required: 0
            case .notANumber: 1
            case .negative: 2
            case .notWholeNumber: 3
            case .tooLong: 4
            case .invalidEmail: 5
            case .invalidPostcode: 6
            case .invalidPhone: 7
            case .forbiddenCharacter: 8
            case .unknownKey: 9
            case .wrongKind: 10
            case .notPrinted: 11
            case .documentNumber: 12
            case .invalidDate: 13
            case .copyNumber: 14
            case .unknownTemplate: 15
            case .attachmentContent: 16
            case .imageFile: 17
            case .precision: 18
            case .duplicateKey: 19
            case .cellLimit: 20
            }
        }
        #expect(FieldRule.all.map(position) == Array(0..<21))
    }
}
