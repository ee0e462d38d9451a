import Foundation
import Gongwen

/// Reading the command's input files, with a missing file told apart from bad content.
enum InputFile {
    struct Missing: GongwenError {
        var path: String
        var kind: ErrorKind { .missingInput }
        var description: String { "找不到输入文件 \(path)（input file missing）" }
    }

    static func data(at path: String) throws -> Data {
        if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        guard FileManager.default.isReadableFile(atPath: path), let data = FileManager.default.contents(atPath: path) else {
            throw Missing(path: path)
        }
        return data
    }

    static func json(at path: String) throws -> JSONValue {
        try JSONValue.parse(data(at: path), source: path == "-" ? "标准输入" : path)
    }
}
