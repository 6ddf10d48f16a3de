import Foundation

/// The one JSON encoder of every result: keys sorted (so the same result always gives the same
/// bytes), numbers in their shortest round-trip form, and non-finite numbers as strings rather
/// than a failure.
enum ResultJSON {
    /// One JSON document, indented, with a final newline.
    static func encode<Value: Encodable>(_ value: Value) -> String {
        text(value, formatting: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    }

    /// One JSON object on a single line (JSON Lines), for rows that stream.
    static func line<Value: Encodable>(_ value: Value) -> String {
        text(value, formatting: [.sortedKeys, .withoutEscapingSlashes])
    }

    private static func text<Value: Encodable>(_ value: Value, formatting: JSONEncoder.OutputFormatting) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = formatting
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
        } catch {
            preconditionFailure("a result failed to encode: \(error)")
        }
    }
}

/// A coding key made at run time, for columns named after their level (`lower80`) or metric.
struct DynamicKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
