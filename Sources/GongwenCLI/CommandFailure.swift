import ArgumentParser
import Foundation
import Gongwen

/// Maps our typed errors, once, to a message on standard error and a sysexits code:
/// 64 bad usage, 65 bad data, 66 input missing, 69 LibreOffice missing, 70 LibreOffice
/// failed, 73 cannot write, 78 bad templates.
enum CommandFailure {
    static func reporting(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ValidationFailure {
            fail("数据有误（invalid data），共 \(error.issues.count) 处：\n" + error.issues.map { "  - \($0)" }.joined(separator: "\n"), code: 65)
        } catch let error as DataFormatError {
            fail(error.description, code: 65)
        } catch let error as BatchValidationFailure {
            fail(error.description, code: 65)
        } catch let error as BatchListError {
            if case .fileMissing = error { fail(error.description, code: 66) }
            fail(error.description, code: 65)
        } catch let error as InputFile.Missing {
            fail(error.description, code: 66)
        } catch let error as CollectInputError {
            fail(error.description, code: 66)
        } catch let error as TemplateError {
            if case .unknownTemplate = error { fail(error.description, code: 64) }
            fail(error.description, code: 78)
        } catch let error as OutputError {
            fail(error.description, code: 73)
        } catch let error as XlsxError {
            fail(error.description, code: 73)
        } catch let error as ZipError {
            fail(error.description, code: 73)
        } catch let error as ReadError {
            fail(error.description, code: 65)
        } catch let error as PDFConverter.Failure {
            if case .unavailable = error { fail(error.description, code: 69) }
            fail(error.description, code: 70)
        }
    }

    static func fail(_ message: String, code: Int32) -> Never {
        FileHandle.standardError.write(Data("gongwen: \(message)\n".utf8))
        Foundation.exit(code)
    }
}
