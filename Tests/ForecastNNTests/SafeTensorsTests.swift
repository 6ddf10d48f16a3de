import Foundation
import Testing
@testable import ForecastNN

/// Reading and writing safetensors: round trips, byte-for-byte agreement with the Python library,
/// dtype conversion, and a clear error for each kind of broken file.
struct SafeTensorsTests {
    static func fixture(_ name: String) throws -> URL {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return url.appendingPathComponent(name)
    }

    /// A file of the given header text and data bytes, with the 8-byte length in front.
    static func file(header: String, data: [UInt8] = [], declaredLength: UInt64? = nil) -> [UInt8] {
        let headerBytes = Array(header.utf8)
        let length = declaredLength ?? UInt64(headerBytes.count)
        return (0..<8).map { UInt8(truncatingIfNeeded: length >> UInt64(8 * $0)) } + headerBytes + data
    }

    static func problem(of bytes: [UInt8]) -> SafeTensorsError.Problem? {
        do {
            _ = try SafeTensorsFile(bytes: bytes)
            return nil
        } catch let error as SafeTensorsError {
            return error.problem
        } catch {
            return nil
        }
    }

    let sample = SafeTensorsFile(
        tensors: [
            "weight": .init(shape: [2, 3], values: [1.5, -2, 0.25, 3, 1e-3, -7.75]),
            "bias": .init(shape: [2], values: [0.5, -0.125]),
        ],
        metadata: ["format": "pt"])

    @Test func writerReproducesThePythonLibraryByteForByte() throws {
        let python = try [UInt8](Data(contentsOf: Self.fixture("python-written.safetensors")))
        #expect(try sample.serialized() == python)
    }

    @Test func readsWhatThePythonLibraryWrote() throws {
        let file = try SafeTensorsFile(contentsOf: Self.fixture("python-written.safetensors"))
        #expect(file == sample)
    }

    @Test func roundTripThroughAFileKeepsEverything() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("SafeTensorsTests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var original = sample
        original.metadata["note"] = "quote \" backslash \\ newline \n tab \t bell \u{07} é"
        original.tensors["scalar"] = .init(shape: [], values: [.pi])
        original.tensors["empty"] = .init(shape: [0, 4], values: [])
        let url = directory.appendingPathComponent("model.safetensors")
        try original.write(to: url)
        try original.write(to: url)   // overwriting an existing file works too
        #expect(try SafeTensorsFile(contentsOf: url) == original)
        // Only the file itself is left: the temporary file was renamed, not copied.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["model.safetensors"])
    }

    @Test func outputIsDeterministicAndHeaderPaddedToEightBytes() throws {
        var reordered = SafeTensorsFile()
        reordered.metadata = ["b": "2", "a": "1"]
        reordered.tensors["z"] = .init(shape: [1], values: [1])
        reordered.tensors["a"] = .init(shape: [1], values: [2])
        let bytes = try reordered.serialized()
        let headerLength = Int(bytes[0]) | Int(bytes[1]) << 8
        #expect(headerLength % 8 == 0)
        let header = try #require(String(bytes: bytes[8..<(8 + headerLength)], encoding: .utf8))
        #expect(header.hasPrefix(#"{"__metadata__":{"a":"1","b":"2"},"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"z":"#))
        #expect(header.hasSuffix("}") || header.hasSuffix(" "))
        #expect(try reordered.serialized() == bytes)
    }

    @Test func otherFloatDtypesAreConvertedToFloat() throws {
        let file = try SafeTensorsFile(contentsOf: Self.fixture("float-dtypes.safetensors"))
        let exact = try #require(file.tensors["f32"])
        #expect(try #require(file.tensors["f64"]) == exact)
        // F16 has an 11-bit significand, BF16 an 8-bit one: relative error ≤ 2⁻¹¹ and 2⁻⁸.
        for (name, tolerance) in [("f16", Float(1) / 2048), ("bf16", Float(1) / 256)] {
            let converted = try #require(file.tensors[name])
            #expect(converted.shape == exact.shape)
            for (a, b) in zip(converted.values, exact.values) {
                #expect(abs(a - b) <= tolerance * abs(b), "\(name): \(a) vs \(b)")
            }
        }
    }

    @Test func halfPrecisionSpecialValues() {
        #expect(SafeTensorsFile.halfToFloat(0x3C00) == 1)
        #expect(SafeTensorsFile.halfToFloat(0xC000) == -2)
        #expect(SafeTensorsFile.halfToFloat(0x0001) == 0x1p-24)         // smallest subnormal
        #expect(SafeTensorsFile.halfToFloat(0x7BFF) == 65504)           // largest finite
        #expect(SafeTensorsFile.halfToFloat(0x7C00) == .infinity)
        #expect(SafeTensorsFile.halfToFloat(0x7E00).isNaN)
    }

    @Test func integerDtypeIsRefusedByName() throws {
        #expect(throws: SafeTensorsError.self) {
            try SafeTensorsFile(contentsOf: Self.fixture("int64.safetensors"))
        }
        do {
            _ = try SafeTensorsFile(contentsOf: Self.fixture("int64.safetensors"))
        } catch let error as SafeTensorsError {
            #expect(error.problem == .unsupportedDType(name: "steps", dtype: "I64"))
            let message = error.localizedDescription
            #expect(message.contains("int64.safetensors") && message.contains("I64") && message.contains("steps"))
        }
    }

    @Test func truncatedFile() {
        #expect(Self.problem(of: [1, 0, 0]) == .truncated(byteCount: 3))
    }

    @Test func headerLongerThanTheFile() {
        #expect(Self.problem(of: Self.file(header: "{}", declaredLength: 50))
            == .headerLengthExceedsFile(headerLength: 50, fileLength: 10))
        #expect(Self.problem(of: Self.file(header: "{}", declaredLength: UInt64.max))
            == .headerTooLarge(headerLength: UInt64.max, limit: SafeTensorsFile.maximumHeaderLength))
    }

    /// A key written twice in one object (PyTorch's reader keeps the last value, Foundation's the
    /// first) is refused, escaped spellings included; the same key in two objects is not a repeat.
    @Test(arguments: [
        (#"{"__metadata__": {"lookback": "5", "lookback": "4"}}"#, "the key \"lookback\" appears twice in __metadata__"),
        (#"{"__metadata__": {"a": "1"}, "__metadata__": {"a": "2"}}"#, "the key \"__metadata__\" appears twice in the header"),
        (#"{"__metadata__": {"look": "5", "\u006cook": "4"}}"#, "the key \"look\" appears twice in __metadata__"),
    ])
    func repeatedKeysAreRefused(header: String, reason: String) {
        #expect(Self.problem(of: Self.file(header: header)) == .invalidHeaderJSON(reason: reason))
    }

    @Test func keysRepeatedAcrossObjectsAreNoRepeat() throws {
        let header = #"{"__metadata__": {"dtype": "x", "shape": "[1]"}, "t": {"dtype": "F32", "shape": [1], "data_offsets": [0, 4]}}"#
        var bytes = Self.file(header: header)
        bytes += [0, 0, 128, 63]
        let file = try SafeTensorsFile(bytes: bytes)
        #expect(file.tensors["t"]?.values == [1])
        #expect(file.metadata["dtype"] == "x")
    }

    @Test func invalidJSON() {
        guard case .invalidHeaderJSON = Self.problem(of: Self.file(header: "{\"a\": [")) else {
            Issue.record("broken JSON was not reported as such")
            return
        }
        guard case .invalidHeaderJSON = Self.problem(of: Self.file(header: "[1, 2]")) else {
            Issue.record("a JSON array header was not reported")
            return
        }
    }

    @Test func offsetsOutsideTheData() {
        let header = #"{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}"#
        #expect(Self.problem(of: Self.file(header: header, data: [0, 0, 0, 0]))
            == .offsetsOutOfRange(name: "w", begin: 0, end: 8, dataLength: 4))
    }

    @Test func offsetsThatDoNotMatchTheShape() {
        let header = #"{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}"#
        #expect(Self.problem(of: Self.file(header: header, data: [UInt8](repeating: 0, count: 8)))
            == .sizeMismatch(name: "w", shape: [3], dtype: "F32", expectedBytes: 12, actualBytes: 8))
    }

    @Test func overlappingGappedAndTrailingData() {
        let overlap = #"{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}"#
        #expect(Self.problem(of: Self.file(header: overlap, data: [UInt8](repeating: 0, count: 12)))
            == .overlappingTensors(first: "a", second: "b"))
        let gap = #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[8,12]}}"#
        #expect(Self.problem(of: Self.file(header: gap, data: [UInt8](repeating: 0, count: 12)))
            == .gapInData(before: "b", at: 4))
        // A gap is what a tensor dropped from the header leaves: the sentence says it may be one.
        #expect(SafeTensorsError(path: nil, problem: .gapInData(before: "b", at: 4)).errorDescription?.contains("a tensor missing from the header?") == true)
        let trailing = #"{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}"#
        #expect(Self.problem(of: Self.file(header: trailing, data: [UInt8](repeating: 0, count: 6)))
            == .trailingData(coveredBytes: 4, dataLength: 6))
    }

    @Test func nonStringMetadata() {
        #expect(Self.problem(of: Self.file(header: #"{"__metadata__":{"epochs":3}}"#))
            == .nonStringMetadata(key: "epochs"))
    }

    @Test func malformedEntries() {
        for header in [#"{"w":{"shape":[1],"data_offsets":[0,4]}}"#,
                       #"{"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,4]}}"#,
                       #"{"w":{"dtype":"F32","shape":[1],"data_offsets":[0]}}"#,
                       #"{"w":{"dtype":"F32","shape":[1.5],"data_offsets":[0,4]}}"#] {
            guard case .invalidTensorEntry(name: "w", _) = Self.problem(of: Self.file(header: header, data: [0, 0, 0, 0])) else {
                Issue.record("not reported as an invalid entry: \(header)")
                continue
            }
        }
    }

    @Test func missingFileNamesThePath() {
        let url = URL(fileURLWithPath: "/nonexistent/model.safetensors")
        do {
            _ = try SafeTensorsFile(contentsOf: url)
            Issue.record("reading a missing file succeeded")
        } catch let error as SafeTensorsError {
            #expect(error.localizedDescription.hasPrefix("/nonexistent/model.safetensors: cannot read"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func writingIntoAMissingDirectoryFailsClearly() {
        let url = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/model.safetensors")
        do {
            try sample.write(to: url)
            Issue.record("writing into a missing directory succeeded")
        } catch let error as SafeTensorsError {
            guard case .writeFailed = error.problem else {
                Issue.record("unexpected problem \(error.problem)")
                return
            }
            #expect(error.localizedDescription.hasPrefix(url.path + ": cannot write"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func reservedTensorNamesAreRefused() {
        let file = SafeTensorsFile(tensors: ["__metadata__": .init(shape: [1], values: [1])])
        #expect(throws: SafeTensorsError(path: nil, problem: .invalidTensorName(name: "__metadata__"))) {
            try file.serialized()
        }
    }

    @Test func parametersRoundTripThroughTheLayout() throws {
        let configuration = NetworkConfiguration(cell: .gru, inputSize: 2, hiddenSize: 3, layers: 2, outputs: 1)
        let parameters = (0..<configuration.parameterCount).map { Float($0) * 0.5 }
        let file = SafeTensorsFile(parameters: parameters, layout: configuration.parameterLayout, metadata: ["cell": "gru"])
        #expect(file.tensors.count == 10)
        #expect(file.tensors["rnn.weight_ih_l1"]?.shape == [9, 3])
        #expect(try SafeTensorsFile(bytes: file.serialized()).parameters(layout: configuration.parameterLayout) == parameters)
        var missing = file
        missing.tensors["head.bias"] = nil
        #expect(throws: SafeTensorsError(path: nil, problem: .missingTensor(name: "head.bias"))) {
            try missing.parameters(layout: configuration.parameterLayout)
        }
    }

    @Test func pyTorchStateDictLoadsIntoTheLayout() throws {
        // The parity fixture's weights were saved from a PyTorch state_dict.
        let file = try SafeTensorsFile(contentsOf: Self.fixture("parity-lstm-l2-d3.safetensors"))
        let configuration = NetworkConfiguration(cell: .lstm, inputSize: 3, hiddenSize: 5, layers: 2, outputs: 2)
        let parameters = try file.parameters(layout: configuration.parameterLayout)
        #expect(parameters.count == configuration.parameterCount)
        #expect(Array(parameters.suffix(2)) == file.tensors["head.bias"]?.values)
    }

    @Test func lookupChecksNameAndShape() throws {
        #expect(try sample.tensor(named: "bias", shape: [2]).values == [0.5, -0.125])
        #expect(throws: SafeTensorsError(path: nil, problem: .missingTensor(name: "gain"))) {
            try sample.tensor(named: "gain", shape: [2])
        }
        #expect(throws: SafeTensorsError(path: nil, problem: .unexpectedShape(name: "bias", expected: [3], found: [2]))) {
            try sample.tensor(named: "bias", shape: [3])
        }
    }
}
