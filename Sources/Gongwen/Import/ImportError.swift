/// Why a file cannot become a form template. Each case names the file and the rule it
/// breaks; nothing is written when one is thrown. Unreadable archives (a zip bomb, a sheet
/// larger than a form, a damaged part) are the readers' `ReadError`s, thrown as they are.
public enum ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The extension is none of the formats a form comes in.
    case unsupportedFormat(file: String, extension: String)
    /// A password-protected Office file: an encrypted OOXML package is an OLE compound file
    /// holding the encrypted zip, so nothing of the form can be read without the password.
    case passwordProtected(file: String)
    /// The file has no table a form could be made of.
    case noTable(file: String)
    /// The table has no cell a person could fill in: no empty cell, no hint in brackets, no
    /// `{{key}}` mark.
    case noInputCells(file: String)
    /// An explicit `{{key:type}}` mark names a type there is not, or a key that is not a key.
    case badMark(file: String, place: String, mark: String, detail: String)
    /// The same key is marked on two cells.
    case duplicateKey(file: String, key: String)
    /// The id asked for cannot name a template file.
    case badID(String)
    /// What was inferred does not add up to a template (a bug of inference, said plainly).
    case inconsistent(file: String, detail: String)

    public var description: String {
        switch self {
        case .unsupportedFormat(let file, let ext):
            "\(file)：不支持 .\(ext) 文件，请提供 .xlsx、.docx、.xls、.doc、.et 或 .wps 表格（unsupported format）"
        case .passwordProtected(let file):
            "\(file)：文件设有打开密码，无法读取；请取消密码后另存再导入（password-protected）"
        case .noTable(let file):
            "\(file)：文件中没有表格，不是表单（not a form: no table）"
        case .noInputCells(let file):
            "\(file)：表格中没有可填写的单元格（空白格、括号提示或 {{key}} 标记），不是表单（no input cells）"
        case .badMark(let file, let place, let mark, let detail):
            "\(file)：\(place) 的标记“\(mark)”无效（bad mark）：\(detail)"
        case .duplicateKey(let file, let key):
            "\(file)：字段键“\(key)”标记在两个单元格上（duplicate key）"
        case .badID(let id):
            "模板 id“\(id)”无效：应为小写字母、数字与连字符组成，以字母开头（如 key-project-2023）（bad template id）"
        case .inconsistent(let file, let detail):
            "\(file)：导入的模板不成立（inconsistent template）：\(detail)"
        }
    }
}

extension ImportError: GongwenError {
    public var kind: ErrorKind {
        switch self {
        case .badID: .usage
        case .unsupportedFormat, .passwordProtected, .noTable, .noInputCells, .badMark, .duplicateKey, .inconsistent: .unreadableFile
        }
    }
}
