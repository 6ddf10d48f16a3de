import Foundation
import Testing
import _ForecastTestSupport

/// Broken model files given to `tsf predict --model`: each must be refused with the file's name,
/// what is wrong with it, and exit code 65 (66 when it cannot be read at all), never a crash or a
/// forecast from weights that do not fit.
@Suite struct HostileModelFileTests {
    /// A small model trained by `tsf train` on a random walk, with the walk it was trained on.
    private func trainedModel(in files: HostileFiles) throws -> (model: [UInt8], data: String) {
        let data = try files.writeRandomWalk("walk.csv", count: 80)
        let model = files.path("model.safetensors")
        let outcome = try CLIRunner.run(["train", data, "--column", "Close", "--horizon", "2", "--out", model] + tinyModel)
        try #require(outcome.exitCode == 0, "\(outcome.stderr)")
        return (try [UInt8](Data(contentsOf: URL(fileURLWithPath: model))), data)
    }

    /// Splits a safetensors file into its JSON header and its data bytes.
    private func parts(_ bytes: [UInt8]) throws -> (header: [String: Any], data: [UInt8]) {
        let length = (0..<8).reversed().reduce(0) { $0 << 8 | Int(bytes[$1]) }
        let header = try #require(try JSONSerialization.jsonObject(with: Data(bytes[8 ..< 8 + length])) as? [String: Any])
        return (header, Array(bytes[(8 + length)...]))
    }

    /// Joins a header and data bytes into a safetensors file.
    private func joined(_ header: [String: Any], _ data: [UInt8]) throws -> [UInt8] {
        let json = [UInt8](try JSONSerialization.data(withJSONObject: header, options: [.sortedKeys]))
        return (0..<8).map { UInt8(truncatingIfNeeded: json.count >> (8 * $0)) } + json + data
    }

    private func predict(_ model: String, _ data: String) throws -> CLIRunner.Outcome {
        try CLIRunner.run(["predict", "--model", model, data])
    }

    @Test func intactModelPredicts() throws {
        let files = try HostileFiles()
        let (model, data) = try trainedModel(in: files)
        let path = try files.write("copy.safetensors", bytes: model)
        let outcome = try predict(path, data)
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.split(separator: "\n").count == 3)
    }

    /// Fewer rows than the model reads: the sentence names the file (and the column when given).
    @Test func aHistoryShorterThanTheModelReadsNamesTheFile() throws {
        let files = try HostileFiles()
        let (model, _) = try trainedModel(in: files)
        let path = try files.write("copy.safetensors", bytes: model)
        let short = try files.writeRandomWalk("short.csv", count: 3)
        let outcome = try predict(path, short)
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr.hasPrefix("tsf: \(short) has 3 rows, but the model reads the last "), "\(outcome.stderr)")
        let named = try CLIRunner.run(["predict", "--model", path, short, "--column", "Close"])
        #expect(named.stderr.hasPrefix("tsf: \(short): column \"Close\" has 3 rows"), "\(named.stderr)")
    }

    @Test(arguments: [0, 5, 8, 100, -1])
    func truncatedModel(keptBytes: Int) throws {
        let files = try HostileFiles()
        let (model, data) = try trainedModel(in: files)
        let kept = keptBytes >= 0 ? keptBytes : model.count - 4
        let path = try files.write("cut.safetensors", bytes: Array(model.prefix(kept)))
        let outcome = try predict(path, data)
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr.hasPrefix("tsf: \(path): "))
        #expect(outcome.stderr.split(separator: "\n").count == 1)
        // Too short for the length, a header running past the end, or data not covering the tensors.
        let named = ["too short", "runs past the end", "tensor"].contains { outcome.stderr.contains($0) }
        #expect(named, "\(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }

    @Test func wrongFormatVersion() throws {
        let files = try HostileFiles()
        let (model, data) = try trainedModel(in: files)
        var (header, bytes) = try parts(model)
        var metadata = try #require(header["__metadata__"] as? [String: String])
        metadata["format_version"] = "2"
        header["__metadata__"] = metadata
        let path = try files.write("v2.safetensors", bytes: try joined(header, bytes))
        let outcome = try predict(path, data)
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr == "tsf: \(path): format_version 2 is not supported; this tsf reads version 1.\n")
    }

    @Test func missingTensor() throws {
        let files = try HostileFiles()
        let (model, data) = try trainedModel(in: files)
        var (header, bytes) = try parts(model)
        // head.bias comes first in the data (names are sorted); drop it and shift the others down.
        let entry = try #require(header["head.bias"] as? [String: Any])
        let offsets = try #require(entry["data_offsets"] as? [Int])
        #expect(offsets[0] == 0)
        header["head.bias"] = nil
        for (name, value) in header where name != "__metadata__" {
            var tensor = try #require(value as? [String: Any])
            let span = try #require(tensor["data_offsets"] as? [Int])
            tensor["data_offsets"] = span.map { $0 - offsets[1] }
            header[name] = tensor
        }
        bytes.removeFirst(offsets[1])
        let path = try files.write("nobias.safetensors", bytes: try joined(header, bytes))
        let outcome = try predict(path, data)
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr.hasPrefix("tsf: \(path): the tensor 'head.bias' is missing;"))
    }

    @Test func shapesThatDisagreeWithTheMetadata() throws {
        let files = try HostileFiles()
        let (model, data) = try trainedModel(in: files)
        var (header, bytes) = try parts(model)
        var metadata = try #require(header["__metadata__"] as? [String: String])
        metadata["hidden_size"] = "5"
        header["__metadata__"] = metadata
        let path = try files.write("shape.safetensors", bytes: try joined(header, bytes))
        let outcome = try predict(path, data)
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr.hasPrefix("tsf: \(path): the tensor '"))
        #expect(outcome.stderr.contains("hidden_size 5, horizon 2) needs [20, 1]."))
    }

    @Test func headerLengthLargerThanTheFile() throws {
        let files = try HostileFiles()
        let (model, data) = try trainedModel(in: files)
        let length = model.count * 10
        let bytes = (0..<8).map { UInt8(truncatingIfNeeded: length >> (8 * $0)) } + model.dropFirst(8)
        let path = try files.write("long.safetensors", bytes: bytes)
        let outcome = try predict(path, data)
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr == "tsf: \(path): the header length \(length) runs past the end of the \(model.count)-byte file; the file is truncated or not safetensors.\n")
    }

    @Test func textFileGivenAsAModel() throws {
        let files = try HostileFiles()
        let data = try files.writeRandomWalk("walk.csv", count: 40)
        let outcome = try predict(data, data)
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr.hasPrefix("tsf: \(data): the header length "))
        #expect(outcome.stderr.hasSuffix("the file is not safetensors.\n"))
    }

    @Test func missingModelFile() throws {
        let files = try HostileFiles()
        let data = try files.writeRandomWalk("walk.csv", count: 40)
        let outcome = try predict(files.path("absent.safetensors"), data)
        #expect(outcome.exitCode == 66)
        #expect(outcome.stderr == "tsf: \(files.path("absent.safetensors")): cannot read the safetensors file (no such file).\n")
    }

    @Test func directoryGivenAsAModel() throws {
        let files = try HostileFiles()
        let data = try files.writeRandomWalk("walk.csv", count: 40)
        let outcome = try predict(files.folder.path, data)
        #expect(outcome.exitCode == 66)
        #expect(outcome.stderr == "tsf: \(files.folder.path): cannot read the safetensors file (it is a directory).\n")
    }

    /// Found by hand while writing this suite: sizes this large overflowed the parameter count
    /// (a crash) or asked for terabytes, and a huge layer count hung; now each is refused by key.
    @Test(arguments: [("hidden_size", "100000000000"), ("hidden_size", "3037000500"), ("num_layers", "1000000000000"),
                      ("horizon", "4611686018427387904"), ("lookback", "9223372036854775807"), ("input_size", "9223372036854775807")])
    func oversizedMetadataIsRefusedByKey(key: String, value: String) throws {
        let files = try HostileFiles()
        let (model, data) = try trainedModel(in: files)
        var (header, bytes) = try parts(model)
        var metadata = try #require(header["__metadata__"] as? [String: String])
        metadata[key] = value
        header["__metadata__"] = metadata
        let path = try files.write("huge.safetensors", bytes: try joined(header, bytes))
        let outcome = try predict(path, data)
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr.hasPrefix("tsf: \(path): metadata '\(key)' is \(value), more than the largest supported value "))
    }

    /// Within the bounds, a network far larger than the tensors stored is refused by tensor shape
    /// before any parameters are allocated.
    @Test func largeNetworkWithSmallTensorsIsRefusedByShape() throws {
        let files = try HostileFiles()
        let (model, data) = try trainedModel(in: files)
        var (header, bytes) = try parts(model)
        var metadata = try #require(header["__metadata__"] as? [String: String])
        metadata["hidden_size"] = "65536"
        metadata["num_layers"] = "1000"
        header["__metadata__"] = metadata
        let path = try files.write("large.safetensors", bytes: try joined(header, bytes))
        let outcome = try predict(path, data)
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr.hasPrefix("tsf: \(path): the tensor 'rnn.weight_ih_l0' has shape "))
    }

    /// JSON nested a hundred thousand levels deep must be refused, not overflow the stack.
    @Test(arguments: ["[", "{\"k\":"])
    func deeplyNestedHeaderIsRefused(opening: String) throws {
        let files = try HostileFiles()
        let data = try files.writeRandomWalk("walk.csv", count: 40)
        let closing = opening == "[" ? "]" : "}"
        var json = Array(("{\"a\":" + String(repeating: opening, count: 100_000) + "1" + String(repeating: closing, count: 100_000) + "}").utf8)
        while json.count % 8 != 0 { json.append(0x20) }
        let path = try files.write("deep.safetensors", bytes: (0..<8).map { UInt8(truncatingIfNeeded: json.count >> (8 * $0)) } + json)
        let outcome = try predict(path, data)
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr == "tsf: \(path): the safetensors header is not a valid JSON object (the text is not JSON).\n")
    }
}
