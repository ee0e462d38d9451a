import CXlsxWriter
import Foundation

/// Owns one `lxw_workbook`. `workbook_close` both writes the file and frees the handle, so
/// `close()` calls it exactly once; a workbook dropped without `close()` (an error midway)
/// is freed without being written.
final class XlsxWorkbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    /// Formats are owned by the workbook; cached so that each distinct style is added once.
    private var formats: [XlsxCellStyle: UnsafeMutablePointer<lxw_format>] = [:]

    init(path: String) throws(XlsxError) {
        var options = lxw_workbook_options()
        let scratch = Self.scratchFolder.map { strdup($0) } ?? nil
        defer { free(scratch) }
        options.tmpdir = scratch
        guard let handle = workbook_new_opt(path, &options) else {
            throw XlsxError(message: "workbook_new returned NULL", context: "creating \(path)")
        }
        self.handle = handle
    }

    deinit {
        if let handle { lxw_workbook_free(handle) }
    }

    /// Where libxlsxwriter keeps the temporary file of each part while it assembles the
    /// workbook: memory (`/dev/shm`) where the machine has it, since a form's ten parts written
    /// to disk and read back were most of the time spent in the kernel. `GONGWEN_XLSX_TMPDIR`
    /// overrides it; nil leaves libxlsxwriter's default (`tmpfile()`).
    static let scratchFolder: String? = {
        if let folder = ProcessInfo.processInfo.environment["GONGWEN_XLSX_TMPDIR"], !folder.isEmpty { return folder }
        return access("/dev/shm", W_OK | X_OK) == 0 ? "/dev/shm" : nil
    }()

    /// Adds a worksheet; the workbook owns it. Its name is escaped as an `Xstring` and kept
    /// within Excel's 31 characters, escape included.
    func addWorksheet(named name: String) throws(XlsxError) -> XlsxWorksheet {
        guard let handle else { throw XlsxError(message: "workbook already closed", context: "adding sheet \(name)") }
        let stored = Xstring.escaped(name, fitting: 31)
        try XlsxError.check(workbook_validate_sheet_name(handle, stored), "checking sheet name \(name)")
        guard let sheet = workbook_add_worksheet(handle, stored) else {
            throw XlsxError(message: "workbook_add_worksheet returned NULL", context: "adding sheet \(name)")
        }
        return XlsxWorksheet(workbook: self, handle: sheet, name: name)
    }

    /// The workbook's format for `style`, created on first use.
    func format(_ style: XlsxCellStyle) throws(XlsxError) -> UnsafeMutablePointer<lxw_format> {
        if let format = formats[style] { return format }
        guard let handle, let format = workbook_add_format(handle) else {
            throw XlsxError(message: "workbook_add_format returned NULL", context: "adding a format")
        }
        style.apply(to: format)
        formats[style] = format
        return format
    }

    /// Sets the title and author of `docProps/core.xml`; libxlsxwriter copies the strings.
    /// Dublin Core text, not ST_Xstring: Excel shows it as written, so it is not escaped.
    func setProperties(title: String, subject: String) throws(XlsxError) {
        guard let handle else { return }
        let strings: [UnsafeMutablePointer<CChar>?] = [title, subject, "Gongwen"].map { (s: String) in strdup(s) }
        defer { strings.forEach { free($0) } }
        var properties = lxw_doc_properties()
        properties.title = strings[0]
        properties.subject = strings[1]
        properties.author = strings[2]
        try XlsxError.check(workbook_set_properties(handle, &properties), "setting document properties")
    }

    /// Writes the file and frees the workbook. Never touch the workbook afterwards.
    func close() throws(XlsxError) {
        guard let handle else { return }
        self.handle = nil
        formats.removeAll()
        try XlsxError.check(workbook_close(handle), "writing the workbook")
    }
}
