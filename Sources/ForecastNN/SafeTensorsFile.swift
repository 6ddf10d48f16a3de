/// The contents of a safetensors file: named float tensors plus a string-to-string metadata map.
///
/// Model files are safetensors so that a model trained here loads in PyTorch and the other way
/// round (docs/architecture.md). Format (huggingface/safetensors README): an unsigned 64-bit little-endian
/// header length `N`, then `N` bytes of UTF-8 JSON mapping each tensor name to
/// `{"dtype", "shape", "data_offsets": [begin, end]}` (offsets relative to the byte after the
/// header) plus an optional `"__metadata__"` object of strings, then the raw little-endian data.
///
/// Values are held as `Float`: `F32` tensors load exactly; `F64`, `F16` and `BF16` tensors are
/// converted to `Float` on reading (the nearest `Float`); other dtypes are refused by name.
/// Writing always produces `F32`.
public struct SafeTensorsFile: Hashable, Sendable {
    /// One tensor: its shape (outermost first, row-major) and its values.
    public struct Tensor: Hashable, Sendable {
        public let shape: [Int]
        public let values: [Float]

        /// - Precondition: `values.count` equals the product of `shape` (1 for a scalar `[]`).
        public init(shape: [Int], values: [Float]) {
            precondition(shape.allSatisfy { $0 >= 0 }, "SafeTensorsFile.Tensor: negative dimension in \(shape)")
            precondition(values.count == shape.reduce(1, *),
                         "SafeTensorsFile.Tensor: \(values.count) values do not fill shape \(shape)")
            self.shape = shape
            self.values = values
        }
    }

    /// The tensors by name.
    public var tensors: [String: Tensor]
    /// The `__metadata__` map; empty when the file has none.
    public var metadata: [String: String]

    public init(tensors: [String: Tensor] = [:], metadata: [String: String] = [:]) {
        self.tensors = tensors
        self.metadata = metadata
    }

    /// The tensor called `name`, checked against the shape the caller expects.
    public func tensor(named name: String, shape expectedShape: [Int]) throws -> Tensor {
        guard let tensor = tensors[name] else {
            throw SafeTensorsError(path: nil, problem: .missingTensor(name: name))
        }
        guard tensor.shape == expectedShape else {
            throw SafeTensorsError(path: nil, problem: .unexpectedShape(name: name, expected: expectedShape, found: tensor.shape))
        }
        return tensor
    }
}

/// The element types a safetensors header can name, with their sizes in bytes.
public enum SafeTensorsDType: String, Sendable, CaseIterable {
    case f32 = "F32", f64 = "F64", f16 = "F16", bf16 = "BF16"

    /// Bytes per element.
    public var size: Int {
        switch self {
        case .f32: 4
        case .f64: 8
        case .f16, .bf16: 2
        }
    }
}
