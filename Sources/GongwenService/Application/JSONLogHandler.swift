import Foundation
import Logging

/// One JSON object per log line on standard error (`gongwen serve --log-format json`), for log
/// collectors: `time`, `level`, `label`, `message` and every metadata value as a member,
/// e.g. `{"duration_ms":"2.1","http.route":"/api/render/{id}","http.status":200,…}`.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let label: String

    public init(label: String) {
        self.label = label
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var object: [String: Any] = [:]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { _, new in new }) {
            object[key] = Self.json(value)
        }
        object["time"] = Date.now.formatted(.iso8601)
        object["level"] = event.level.rawValue
        object["label"] = label
        object["message"] = event.message.description
        guard var line = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        line.append(0x0A)
        FileHandle.standardError.write(line)
    }

    private static func json(_ value: Logger.Metadata.Value) -> Any {
        switch value {
        case .string(let text): text
        case .stringConvertible(let convertible):
            switch convertible {
            case let number as Int: number
            case let number as Double: number
            default: convertible.description
            }
        case .array(let items): items.map(json)
        case .dictionary(let members): members.mapValues(json)
        }
    }
}
