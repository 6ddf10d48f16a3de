import Foundation
import ForecastStorage

extension SafeTensorsFile {
    /// The file's bytes, deterministic for the same contents: tensors in byte order of their names
    /// (the order the reference implementation uses for tensors of one dtype), metadata keys sorted,
    /// compact JSON, header padded with spaces to a multiple of 8 bytes, all data `F32`.
    public func serialized() throws -> [UInt8] {
        let names = tensors.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for name in names where name.isEmpty || name == "__metadata__" {
            throw SafeTensorsError(path: nil, problem: .invalidTensorName(name: name))
        }
        var header = "{"
        var fields: [String] = []
        if !metadata.isEmpty {
            let keys = metadata.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            let pairs = keys.map { "\(Self.jsonString($0)):\(Self.jsonString(metadata[$0] ?? ""))" }
            fields.append("\"__metadata__\":{" + pairs.joined(separator: ",") + "}")
        }
        var offset = 0
        for name in names {
            guard let tensor = tensors[name] else { continue }
            let end = offset + tensor.values.count * 4
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            fields.append("\(Self.jsonString(name)):{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(end)]}")
            offset = end
        }
        header += fields.joined(separator: ",") + "}"
        var headerBytes = Array(header.utf8)
        while headerBytes.count % 8 != 0 { headerBytes.append(0x20) }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 + headerBytes.count + offset)
        let length = UInt64(headerBytes.count)
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: length >> UInt64(shift))) }
        bytes.append(contentsOf: headerBytes)
        for name in names {
            guard let tensor = tensors[name] else { continue }
            for value in tensor.values {
                let bits = value.bitPattern
                bytes.append(UInt8(truncatingIfNeeded: bits))
                bytes.append(UInt8(truncatingIfNeeded: bits >> 8))
                bytes.append(UInt8(truncatingIfNeeded: bits >> 16))
                bytes.append(UInt8(truncatingIfNeeded: bits >> 24))
            }
        }
        return bytes
    }

    /// Writes the file atomically and durably (through the package's `AtomicFile`): a reader never sees half a
    /// model, and a failed write leaves any earlier file intact.
    public func write(to url: URL) throws {
        let bytes: [UInt8]
        do {
            bytes = try serialized()
        } catch var error as SafeTensorsError {
            error.path = url.path
            throw error
        }
        do {
            try AtomicFile.write(bytes, to: url.path)
        } catch {
            throw SafeTensorsError(path: url.path, problem: .writeFailed(reason: error.reason))
        }
    }

    /// A JSON string literal, escaped as serde_json does: `"` and `\` backslashed, the short
    /// escapes for control characters that have one, `\u00XX` for the rest, other text verbatim.
    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
