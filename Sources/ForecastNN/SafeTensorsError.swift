import Foundation

/// Why a safetensors file could not be read or written; names the file when one is involved.
public struct SafeTensorsError: LocalizedError, Hashable, Sendable {
    /// The file concerned, when the bytes came from or go to a file.
    public var path: String?
    public var problem: Problem

    public enum Problem: Hashable, Sendable {
        case unreadable(reason: String)
        case truncated(byteCount: Int)
        case headerLengthExceedsFile(headerLength: UInt64, fileLength: Int)
        case headerTooLarge(headerLength: UInt64, limit: Int)
        case invalidHeaderJSON(reason: String)
        case invalidTensorEntry(name: String, reason: String)
        case unsupportedDType(name: String, dtype: String)
        case offsetsOutOfRange(name: String, begin: Int, end: Int, dataLength: Int)
        case sizeMismatch(name: String, shape: [Int], dtype: String, expectedBytes: Int, actualBytes: Int)
        case overlappingTensors(first: String, second: String)
        case gapInData(before: String, at: Int)
        case trailingData(coveredBytes: Int, dataLength: Int)
        case nonStringMetadata(key: String)
        case invalidTensorName(name: String)
        case missingTensor(name: String)
        case unexpectedShape(name: String, expected: [Int], found: [Int])
        case writeFailed(reason: String)
    }

    public init(path: String?, problem: Problem) {
        self.path = path
        self.problem = problem
    }

    public var errorDescription: String? {
        let prefix = path.map { "\($0): " } ?? ""
        return prefix + sentence
    }

    private var sentence: String {
        switch problem {
        case let .unreadable(reason):
            return "cannot read the safetensors file (\(reason))."
        case let .truncated(byteCount):
            return "the file is \(byteCount) bytes long, too short for the 8-byte header length of a safetensors file."
        case let .headerLengthExceedsFile(headerLength, fileLength):
            return "the header length \(headerLength) runs past the end of the \(fileLength)-byte file; the file is truncated or not safetensors."
        case let .headerTooLarge(headerLength, limit):
            return "the header length \(headerLength) exceeds the limit of \(limit) bytes; the file is not safetensors."
        case let .invalidHeaderJSON(reason):
            return "the safetensors header is not a valid JSON object (\(reason))."
        case let .invalidTensorEntry(name, reason):
            return "the header entry of tensor '\(name)' is invalid: \(reason)."
        case let .unsupportedDType(name, dtype):
            return "tensor '\(name)' has dtype '\(dtype)'; only F32, F64, F16 and BF16 can be read."
        case let .offsetsOutOfRange(name, begin, end, dataLength):
            return "tensor '\(name)' has data_offsets [\(begin), \(end)] outside the \(dataLength) bytes of data."
        case let .sizeMismatch(name, shape, dtype, expectedBytes, actualBytes):
            return "tensor '\(name)' of shape \(shape) and dtype \(dtype) needs \(expectedBytes) bytes but its data_offsets span \(actualBytes)."
        case let .overlappingTensors(first, second):
            return "the data of tensors '\(first)' and '\(second)' overlap."
        case let .gapInData(before, at):
            return "the data has bytes at offset \(at), before tensor '\(before)', that no tensor of the header claims (a tensor missing from the header?)."
        case let .trailingData(coveredBytes, dataLength):
            return "the tensors cover \(coveredBytes) of the \(dataLength) bytes of data; the rest is unaccounted for."
        case let .nonStringMetadata(key):
            return "the metadata value of '\(key)' is not a string; safetensors metadata maps strings to strings."
        case let .invalidTensorName(name):
            return "'\(name)' cannot be used as a tensor name."
        case let .missingTensor(name):
            return "the file holds no tensor named '\(name)'."
        case let .unexpectedShape(name, expected, found):
            return "tensor '\(name)' has shape \(found) but \(expected) was expected."
        case let .writeFailed(reason):
            return "cannot write the safetensors file (\(reason))."
        }
    }
}
