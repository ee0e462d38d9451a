import Foundation

/// JSON as Gongwen publishes it, on the command line and over HTTP alike: pretty, keys
/// sorted, slashes and Chinese as they are. One encoder, so that the API can promise the
/// bytes `gongwen templates --json` prints.
public enum JSONOutput {
    public static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}
