import Foundation
import Hummingbird

/// The query parameters the operations take, checked: an unknown value is a 400 that names
/// the parameter and the values it takes.
enum QueryParameters {
    /// One of `allowed` (case-insensitive), or `fallback` when the parameter is absent.
    static func choice(_ request: Request, name: String, label: String, allowed: [String], fallback: String) throws -> String {
        guard let raw = request.uri.queryParameters.get(name) else { return fallback }
        let value = raw.lowercased()
        guard allowed.contains(value) else {
            throw ServiceError.invalidParameter(name: name, label: label, rule: "enum",
                                                message: "应为 \(allowed.joined(separator: "、")) 之一，不能是“\(raw)”")
        }
        return value
    }

    /// `true` or `false` (also `1`/`0`), or `fallback` when absent.
    static func flag(_ request: Request, name: String, label: String, fallback: Bool) throws -> Bool {
        guard let raw = request.uri.queryParameters.get(name) else { return fallback }
        switch raw.lowercased() {
        case "true", "1": return true
        case "false", "0": return false
        default:
            throw ServiceError.invalidParameter(name: name, label: label, rule: "boolean",
                                                message: "应为 true 或 false，不能是“\(raw)”")
        }
    }

    /// A path parameter, percent-decoded.
    static func path(_ context: some RequestContext, _ name: String) -> String {
        let raw = context.parameters.get(name) ?? ""
        return raw.removingPercentEncoding ?? raw
    }
}
