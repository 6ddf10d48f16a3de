import Foundation
import Testing
@testable import Forecasting

struct ForecasterModelFileTests {
    static func temporaryURL(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("tsf-\(UUID())-\(name)")
    }

    static func fitted(features: Bool = false) throws -> Forecaster {
        let values = (0..<120).map { (t: Int) -> Double in
            let x = Double(t)
            return 20 + 5 * sin(x / 3) + x * 0.1
        }
        let feature = (0..<120).map { (t: Int) -> Double in cos(Double(t) / 5) }
        var configuration = ForecasterConfiguration()
        configuration.cell = .lstm
        configuration.hiddenSize = 6
        configuration.layers = 2
        configuration.lookback = 8
        configuration.horizon = 3
        configuration.epochs = 2
        configuration.threads = 1
        configuration.transform = .difference
        return try Forecaster.fit(values: values, features: features ? [feature] : [], frequency: .monthly,
                                  columnNames: features ? ["sales", "price"] : ["sales"], configuration: configuration)
    }

    @Test(arguments: [false, true])
    func aSavedModelLoadsAndForecastsTheSame(features: Bool) throws {
        let forecaster = try Self.fitted(features: features)
        let url = Self.temporaryURL("model.safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try forecaster.save(to: url)
        let loaded = try Forecaster(contentsOf: url)
        #expect(try loaded.forecast(steps: 3) == forecaster.forecast(steps: 3))
        #expect(loaded.columnNames == forecaster.columnNames)
        #expect(loaded.frequency == .monthly)
        #expect(loaded.transform == .difference)
        #expect(loaded.network.parameters == forecaster.network.parameters)
    }

    /// The exchange a series follows is recorded, so a loaded model dates forecasts on it too.
    @Test func theExchangeIsRecorded() throws {
        var forecaster = try Self.fitted()
        let url = Self.temporaryURL("model.safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try forecaster.save(to: url)
        #expect(try SafeTensorsFile(contentsOf: url).metadata["exchange"] == nil)
        #expect(try Forecaster(contentsOf: url).exchange == nil)
        forecaster.exchange = .XLON
        try forecaster.save(to: url)
        #expect(try SafeTensorsFile(contentsOf: url).metadata["exchange"] == "XLON")
        #expect(try Forecaster(contentsOf: url).exchange == .XLON)
    }

    @Test func theFileHoldsPyTorchNamesAndTheRequiredMetadata() throws {
        let url = Self.temporaryURL("model.safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try Self.fitted().save(to: url)
        let file = try SafeTensorsFile(contentsOf: url)
        #expect(Set(file.tensors.keys) == [
            "rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0",
            "rnn.weight_ih_l1", "rnn.weight_hh_l1", "rnn.bias_ih_l1", "rnn.bias_hh_l1",
            "head.weight", "head.bias",
        ])
        #expect(file.tensors["rnn.weight_ih_l0"]?.shape == [24, 1])
        #expect(file.tensors["head.weight"]?.shape == [3, 6])
        for key in ["format", "format_version", "cell", "input_size", "hidden_size", "num_layers", "lookback", "horizon", "scaler"] {
            #expect(file.metadata[key] != nil, "missing \(key)")
        }
        #expect(file.metadata["format"] == "tsf-model")
        #expect(file.metadata["cell"] == "lstm")
        #expect(file.metadata["num_layers"] == "2")
    }

    /// Rewrites a saved model with one change and expects loading to fail naming `fragment`.
    func expectLoadFailure(_ fragment: String, change: (inout SafeTensorsFile) -> Void) throws {
        let url = Self.temporaryURL("broken.safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try Self.fitted().save(to: url)
        var file = try SafeTensorsFile(contentsOf: url)
        change(&file)
        try file.write(to: url)
        do {
            _ = try Forecaster(contentsOf: url)
            Issue.record("a broken model file loaded")
        } catch let error as ModelFileError {
            #expect(error.localizedDescription.contains(fragment), "\(error.localizedDescription)")
            #expect(error.localizedDescription.contains(url.path))
        }
    }

    @Test func loadingRefusesWrongFiles() throws {
        try expectLoadFailure("format_version 2") { $0.metadata["format_version"] = "2" }
        try expectLoadFailure("no 'lookback' key") { $0.metadata["lookback"] = nil }
        try expectLoadFailure("'rnn.bias_hh_l1' is missing") { $0.tensors["rnn.bias_hh_l1"] = nil }
        try expectLoadFailure("has shape [3, 5]") {
            $0.tensors["head.weight"] = SafeTensorsFile.Tensor(shape: [3, 5], values: Array(repeating: 0, count: 15))
        }
        try expectLoadFailure("'rnn.weight_ih_l2' does not belong") {
            $0.tensors["rnn.weight_ih_l2"] = SafeTensorsFile.Tensor(shape: [1], values: [0])
        }
        try expectLoadFailure("expected rnn, lstm or gru") { $0.metadata["cell"] = "transformer" }
        try expectLoadFailure("metadata 'exchange' is 'NYSE'; expected one of XNYS") { $0.metadata["exchange"] = "NYSE" }
        try expectLoadFailure("not finite") {
            $0.tensors["head.bias"] = SafeTensorsFile.Tensor(shape: [3], values: [0, .nan, 0])
        }
        // A negative scale would mirror the forecasts; a bound above the history would lift them.
        try expectLoadFailure("'scaler_scale' holds -0.5; every scale is positive") { $0.metadata["scaler_scale"] = "[-0.5]" }
        try expectLoadFailure("'scaler_scale' holds 1e-320; every scale is positive") { $0.metadata["scaler_scale"] = "[1e-320]" }
        try expectLoadFailure("metadata 'scaler_center' holds 1e+300, beyond ±1e100") { $0.metadata["scaler_center"] = "[1e300]" }
        try expectLoadFailure("metadata 'history' holds -2e+200, beyond ±1e100") { file in
            var history = (try? JSONDecoder().decode([Double].self, from: Data(file.metadata["history"]!.utf8))) ?? []
            history[0] = -2e200
            file.metadata["history"] = String(decoding: try! JSONEncoder().encode(history), as: UTF8.self)
        }
        try expectLoadFailure("metadata 'lower_bound' is 1000000000.0, but the model's history holds") {
            $0.metadata["lower_bound"] = "1e9"
        }
    }

    @Test func aLowerBoundAtOrBelowTheHistoryLoads() throws {
        let url = Self.temporaryURL("bounded.safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        let model = try Self.fitted()
        try model.save(to: url)
        var file = try SafeTensorsFile(contentsOf: url)
        file.metadata["lower_bound"] = String(model.recentValues.min()!)
        try file.write(to: url)
        #expect(try Forecaster(contentsOf: url).lowerBound == model.recentValues.min()!)
    }

    @Test func aFailedSaveLeavesTheEarlierFileIntact() throws {
        let directory = Self.temporaryURL("dir")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("model.safetensors")
        try Self.fitted().save(to: url)
        let before = try Data(contentsOf: url)
        // A save into a folder that does not exist fails and touches nothing else.
        #expect(throws: (any Error).self) {
            try Self.fitted().save(to: directory.appendingPathComponent("missing/model.safetensors"))
        }
        #expect(try Data(contentsOf: url) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["model.safetensors"])
    }
}
