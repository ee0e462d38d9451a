import Foundation

/// One file a unit sent back, as the coordinator named it: `displayPath` is the path the way
/// the command line spelled it (a folder argument joined with the file's place inside it),
/// so that every report line points at a file the person can find.
public struct ReturnedFile: Sendable, Hashable {
    public var url: URL
    public var displayPath: String

    public init(url: URL, displayPath: String) {
        self.url = url
        self.displayPath = displayPath
    }

    /// The file name alone, as read errors name it.
    public var name: String { url.lastPathComponent }
}

/// Why the files to collect cannot even be listed. Kept apart from `ReadError`, which is
/// about one file's content: these stop the whole run before anything is read.
public enum CollectInputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A path on the command line does not exist.
    case missing(path: String)
    /// The paths exist, but no `.xlsx` or `.docx` file is among them.
    case noForms(paths: [String])

    public var description: String {
        switch self {
        case .missing(let path): "找不到 \(path)（input path missing）"
        case .noForms(let paths): "\(paths.joined(separator: "、")) 中没有 .xlsx 或 .docx 文件（no forms found）"
        }
    }
}

extension CollectInputError: GongwenError {
    public var kind: ErrorKind { .missingInput }
}

/// Lists the returned files: files named on the command line as they are (whatever their
/// extension, so that a stray .xls gets a clear refusal rather than silence), folders walked
/// for `.xlsx` and `.docx`. Hidden files and the lock files Office (`~$`) and WPS (`.~`)
/// leave beside an open document are skipped; each folder's files come in a stable,
/// number-aware order (单位2 before 单位10) so that the summary's rows do too.
public enum ReturnedFiles {
    /// The extensions a folder walk picks up.
    public static let extensions: Set<String> = ["xlsx", "docx"]

    public static func list(_ paths: [String]) throws(CollectInputError) -> [ReturnedFile] {
        let fm = FileManager.default
        var files: [ReturnedFile] = []
        var seen = Set<String>()
        func add(_ url: URL, _ display: String) {
            if seen.insert(url.standardizedFileURL.path).inserted {
                files.append(ReturnedFile(url: url, displayPath: display))
            }
        }
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { throw .missing(path: path) }
            let url = URL(fileURLWithPath: path)
            guard isDirectory.boolValue else {
                add(url, path)
                continue
            }
            for relative in walk(url) {
                let display = path.hasSuffix("/") ? path + relative : path + "/" + relative
                add(url.appendingPathComponent(relative), display)
            }
        }
        guard !files.isEmpty else { throw .noForms(paths: paths) }
        return files
    }

    /// The form files below `folder`, as paths relative to it, sorted.
    static func walk(_ folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]) else { return [] }
        let base = folder.standardizedFileURL.path
        var found: [String] = []
        for case let url as URL in enumerator {
            let name = url.lastPathComponent
            guard isFormName(name), (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            var relative = url.standardizedFileURL.path
            if relative.hasPrefix(base + "/") { relative.removeFirst(base.count + 1) } else { relative = name }
            found.append(relative)
        }
        return found.sorted { $0.compare($1, options: [.numeric]) == .orderedAscending }
    }

    /// Whether a file of this name is a returned form to read: an `.xlsx` or `.docx` that is
    /// not hidden and not the lock file Office (`~$`) or WPS (`.~`) leaves beside an open one.
    /// The folder walk and the service's archive share it.
    public static func isFormName(_ name: String) -> Bool {
        !name.hasPrefix(".") && !name.hasPrefix("~$") && extensions.contains((name as NSString).pathExtension.lowercased())
    }
}
