import Foundation

extension SafeTensorsFile {
    /// The largest header accepted, as in the reference implementation: a bound that stops a
    /// corrupt length from making the reader allocate gigabytes.
    public static let maximumHeaderLength = 100_000_000

    /// Reads and validates the safetensors file at `url`.
    public init(contentsOf url: URL) throws {
        // Foundation's own reasons read "The operation could not be completed"; say what is wrong.
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            throw SafeTensorsError(path: url.path, problem: .unreadable(reason: "no such file"))
        }
        if isDirectory.boolValue {
            throw SafeTensorsError(path: url.path, problem: .unreadable(reason: "it is a directory"))
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            let reason = FileManager.default.isReadableFile(atPath: url.path) ? error.localizedDescription : "permission denied"
            throw SafeTensorsError(path: url.path, problem: .unreadable(reason: reason))
        }
        do {
            try self.init(bytes: [UInt8](data))
        } catch var error as SafeTensorsError {
            error.path = url.path
            throw error
        }
    }

    /// Parses and validates the bytes of a safetensors file.
    ///
    /// Checks, in order: the header length fits the file; the header is a JSON object; every
    /// entry has a known dtype, non-negative shape and integer offsets inside the data; each
    /// entry's byte span equals elements × element size; the spans tile the data exactly, with
    /// no overlap, gap or trailing bytes (as the reference implementation requires); metadata
    /// values are strings; no object names a key twice (`repeatedKey(in:)`).
    public init(bytes: [UInt8]) throws {
        func fail(_ problem: SafeTensorsError.Problem) -> SafeTensorsError {
            SafeTensorsError(path: nil, problem: problem)
        }
        guard bytes.count >= 8 else { throw fail(.truncated(byteCount: bytes.count)) }
        var headerLength: UInt64 = 0
        for index in (0..<8).reversed() { headerLength = headerLength << 8 | UInt64(bytes[index]) }
        guard headerLength <= UInt64(Self.maximumHeaderLength) else {
            throw fail(.headerTooLarge(headerLength: headerLength, limit: Self.maximumHeaderLength))
        }
        guard headerLength <= UInt64(bytes.count - 8) else {
            throw fail(.headerLengthExceedsFile(headerLength: headerLength, fileLength: bytes.count))
        }
        let dataStart = 8 + Int(headerLength)
        let dataLength = bytes.count - dataStart

        let header: [String: HeaderValue]
        do {
            header = try JSONDecoder().decode([String: HeaderValue].self, from: Data(bytes[8..<dataStart]))
        } catch DecodingError.typeMismatch {
            throw fail(.invalidHeaderJSON(reason: "the top level is not an object"))
        } catch {
            throw fail(.invalidHeaderJSON(reason: "the text is not JSON"))
        }
        if let (key, object) = Self.repeatedKey(in: bytes[8..<dataStart]) {
            throw fail(.invalidHeaderJSON(reason: "the key \"\(key)\" appears twice in \(object.isEmpty ? "the header" : object)"))
        }

        var metadata: [String: String] = [:]
        struct Entry { let name: String; let dtype: SafeTensorsDType; let shape: [Int]; let begin: Int; let end: Int }
        var entries: [Entry] = []
        for (name, value) in header {
            if name == "__metadata__" {
                guard case let .object(map) = value else {
                    throw fail(.invalidHeaderJSON(reason: "__metadata__ is not an object"))
                }
                for (key, item) in map {
                    guard case let .string(text) = item else { throw fail(.nonStringMetadata(key: key)) }
                    metadata[key] = text
                }
                continue
            }
            guard case let .object(fields) = value else {
                throw fail(.invalidTensorEntry(name: name, reason: "it is not an object"))
            }
            guard case let .string(dtypeName) = fields["dtype"] else {
                throw fail(.invalidTensorEntry(name: name, reason: "dtype is missing or not a string"))
            }
            guard let dtype = SafeTensorsDType(rawValue: dtypeName) else {
                throw fail(.unsupportedDType(name: name, dtype: dtypeName))
            }
            guard case let .array(shapeItems) = fields["shape"],
                  let shape = Self.integers(shapeItems), shape.allSatisfy({ $0 >= 0 }) else {
                throw fail(.invalidTensorEntry(name: name, reason: "shape is missing or not a list of non-negative integers"))
            }
            guard case let .array(offsetItems) = fields["data_offsets"],
                  let offsets = Self.integers(offsetItems), offsets.count == 2 else {
                throw fail(.invalidTensorEntry(name: name, reason: "data_offsets is missing or not two integers"))
            }
            let (begin, end) = (offsets[0], offsets[1])
            guard begin >= 0, begin <= end, end <= dataLength else {
                throw fail(.offsetsOutOfRange(name: name, begin: begin, end: end, dataLength: dataLength))
            }
            var elementCount = 1
            for dimension in shape {
                let (product, overflow) = elementCount.multipliedReportingOverflow(by: dimension)
                guard !overflow else {
                    throw fail(.invalidTensorEntry(name: name, reason: "the shape \(shape) has too many elements"))
                }
                elementCount = product
            }
            let (expectedBytes, overflow) = elementCount.multipliedReportingOverflow(by: dtype.size)
            guard !overflow, expectedBytes == end - begin else {
                throw fail(.sizeMismatch(name: name, shape: shape, dtype: dtypeName,
                                         expectedBytes: overflow ? Int.max : expectedBytes, actualBytes: end - begin))
            }
            entries.append(Entry(name: name, dtype: dtype, shape: shape, begin: begin, end: end))
        }

        // The spans must tile [0, dataLength) exactly.
        entries.sort { ($0.begin, $0.end, $0.name) < ($1.begin, $1.end, $1.name) }
        var covered = 0
        var previousName: String?
        for entry in entries {
            if entry.begin < covered, let previousName {
                throw fail(.overlappingTensors(first: previousName, second: entry.name))
            }
            if entry.begin > covered { throw fail(.gapInData(before: entry.name, at: covered)) }
            covered = entry.end
            previousName = entry.name
        }
        guard covered == dataLength else { throw fail(.trailingData(coveredBytes: covered, dataLength: dataLength)) }

        var tensors: [String: Tensor] = [:]
        for entry in entries {
            let values = Self.decode(bytes, from: dataStart + entry.begin, to: dataStart + entry.end, as: entry.dtype)
            tensors[entry.name] = Tensor(shape: entry.shape, values: values)
        }
        self.init(tensors: tensors, metadata: metadata)
    }

    /// A JSON value of the header. Decoded with `JSONDecoder`, which keeps `true` and `1` apart.
    private enum HeaderValue: Decodable {
        case integer(Int), number(Double), string(String), bool(Bool), null
        case array([HeaderValue]), object([String: HeaderValue])

        init(from decoder: any Decoder) throws {
            if var list = try? decoder.unkeyedContainer() {
                var items: [HeaderValue] = []
                while !list.isAtEnd { items.append(try list.decode(HeaderValue.self)) }
                self = .array(items)
                return
            }
            if let map = try? decoder.container(keyedBy: AnyKey.self) {
                var items: [String: HeaderValue] = [:]
                for key in map.allKeys { items[key.stringValue] = try map.decode(HeaderValue.self, forKey: key) }
                self = .object(items)
                return
            }
            let single = try decoder.singleValueContainer()
            if single.decodeNil() { self = .null }
            else if let flag = try? single.decode(Bool.self) { self = .bool(flag) }
            else if let integer = try? single.decode(Int.self) { self = .integer(integer) }
            else if let number = try? single.decode(Double.self) { self = .number(number) }
            else { self = .string(try single.decode(String.self)) }
        }
    }

    /// Any key of a JSON object.
    private struct AnyKey: CodingKey {
        let stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    /// The values if all are JSON integers, else nil.
    private static func integers(_ items: [HeaderValue]) -> [Int]? {
        var result: [Int] = []
        for item in items {
            guard case let .integer(value) = item else { return nil }
            result.append(value)
        }
        return result
    }

    /// Little-endian elements of `dtype` in `bytes[begin..<end]`, converted to `Float`.
    private static func decode(_ bytes: [UInt8], from begin: Int, to end: Int, as dtype: SafeTensorsDType) -> [Float] {
        let count = (end - begin) / dtype.size
        return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBufferPointer { source in
                for index in 0..<count {
                    let at = begin + index * dtype.size
                    func word(_ width: Int) -> UInt64 {
                        var value: UInt64 = 0
                        for byte in (0..<width).reversed() { value = value << 8 | UInt64(source[at + byte]) }
                        return value
                    }
                    switch dtype {
                    case .f32: buffer[index] = Float(bitPattern: UInt32(word(4)))
                    case .f64: buffer[index] = Float(Double(bitPattern: word(8)))
                    case .bf16: buffer[index] = Float(bitPattern: UInt32(word(2)) << 16)  // bf16 is the top half of an f32
                    case .f16: buffer[index] = halfToFloat(UInt16(word(2)))
                    }
                }
            }
            initialized = count
        }
    }

    /// IEEE 754 binary16 → binary32, exact (every half is a float), including subnormals, ±∞ and NaN.
    static func halfToFloat(_ half: UInt16) -> Float {
        let sign: Float = half & 0x8000 != 0 ? -1 : 1
        let exponent = Int((half >> 10) & 0x1F)
        let fraction = Float(half & 0x03FF)
        switch exponent {
        case 0: return sign * fraction * 0x1p-24                  // subnormal: f · 2⁻¹⁴ / 2¹⁰
        case 31: return fraction == 0 ? sign * .infinity : .nan
        default: return sign * (1 + fraction / 1024) * Float(sign: .plus, exponent: exponent - 15, significand: 1)
        }
    }
}
