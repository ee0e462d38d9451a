import Foundation

/// One warm PDF maker the pool hands jobs to, one at a time. The real one is a LibreOffice
/// behind our bridge (`PDFBridgeInstance`); the tests put in fakes, so the pool's rules
/// (retry, restart, recycling) are checked without LibreOffice.
public protocol PDFInstance: AnyObject, Sendable {
    /// Converts `source` to a PDF at `destination`, giving up after `deadline` seconds.
    func convert(_ source: URL, to destination: URL, deadline: TimeInterval) throws(PDFInstanceFault)
    /// The memory the engine holds now (the RSS of soffice.bin), when it can be read.
    var residentBytes: Int? { get }
    /// Ends the engine and everything it started; safe to call twice.
    func stop()
}

/// Why a job did not come back as a PDF, as far as the pool's decisions go.
public enum PDFInstanceFault: Error, Sendable, Equatable {
    /// The job ran past its deadline: the instance is killed, the job tried once elsewhere.
    case deadlineExceeded
    /// The engine died under the job (a crash, SIGKILL): the job is tried again elsewhere.
    case died(String)
    /// The engine is well but cannot convert this document: no retry would help.
    case rejected(String)
}

/// Makes instances: called when the pool needs one more, and to replace one it ended.
public typealias PDFInstanceFactory = @Sendable (_ slot: Int) throws -> any PDFInstance
