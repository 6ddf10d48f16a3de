import Foundation
import Testing
@testable import Forecasting

/// Learning end to end, determinism, and the exact-gradient-step contract of the CLI options.
struct ForecasterFittingTests {
    /// A sine with period 20 plus a little deterministic noise.
    static let sine: [Double] = (0..<400).map { (t: Int) -> Double in
        let x = Double(t)
        return sin(2 * Double.pi * x / 20) + 0.02 * sin(x * 12.9898)
    }

    static func quickConfiguration() -> ForecasterConfiguration {
        var configuration = ForecasterConfiguration()
        configuration.hiddenSize = 16
        configuration.lookback = 20
        configuration.horizon = 3
        configuration.epochs = 60
        configuration.transform = TransformKind.none
        configuration.learningRate = 0.01
        configuration.threads = 1
        return configuration
    }

    @Test func learnsASineWave() throws {
        let history = Array(Self.sine[..<380])
        let forecaster = try Forecaster.fit(values: history, configuration: Self.quickConfiguration())
        let forecast = try forecaster.forecast(steps: 3)
        let actual = Array(Self.sine[380..<383])
        let mae = zip(forecast, actual).map { abs($0 - $1) }.reduce(0, +) / 3
        // The naive forecast's error over these steps is about 0.3; the model must do far better.
        #expect(mae < 0.1, "MAE \(mae) on a clean sine")
        #expect(forecaster.fitReport!.validationWindows > 0)
    }

    @Test func recursiveForecastsContinuePastTheHorizon() throws {
        var configuration = Self.quickConfiguration()
        configuration.strategy = .recursive
        let forecaster = try Forecaster.fit(values: Array(Self.sine[..<380]), configuration: configuration)
        #expect(forecaster.horizon == 1)
        let forecast = try forecaster.forecast(steps: 10)
        let actual = Array(Self.sine[380..<390])
        let mae = zip(forecast, actual).map { abs($0 - $1) }.reduce(0, +) / 10
        #expect(mae < 0.15, "MAE \(mae) over 10 recursive steps")
    }

    @Test func theSameSeedGivesTheSameModelFileWhateverTheThreadCount() throws {
        var configuration = Self.quickConfiguration()
        configuration.epochs = 3
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tsf-determinism-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var files: [Data] = []
        for threads in [1, 2, 1] {
            configuration.threads = threads
            let forecaster = try Forecaster.fit(values: Self.sine, configuration: configuration)
            let url = directory.appendingPathComponent("model-\(files.count).safetensors")
            try forecaster.save(to: url)
            files.append(try Data(contentsOf: url))
        }
        #expect(files[0] == files[1])
        #expect(files[0] == files[2])
        configuration.seed = 1
        let other = try Forecaster.fit(values: Self.sine, configuration: configuration)
        let url = directory.appendingPathComponent("other.safetensors")
        try other.save(to: url)
        #expect(try Data(contentsOf: url) != files[0])
    }

    @Test func oneEpochOfPlainFullBatchSGDIsOneGradientStep() throws {
        // scaler none, no transform, no validation, no shuffle, SGD, batch ≥ windows: the fitted
        // weights must equal the initial weights minus lr × the MSE gradient over all windows.
        let values = (0..<30).map { (t: Int) -> Double in 0.5 * sin(Double(t) / 3) + 0.1 * Double(t % 4) }
        var configuration = ForecasterConfiguration()
        configuration.cell = .gru
        configuration.hiddenSize = 5
        configuration.lookback = 6
        configuration.horizon = 2
        configuration.scaler = .none
        configuration.transform = TransformKind.none
        configuration.validationFraction = 0
        configuration.shuffle = false
        configuration.optimizer = .sgd
        configuration.learningRate = 0.1
        configuration.batchSize = 1000
        configuration.epochs = 1
        configuration.threads = 1
        let fitted = try Forecaster.fit(values: values, configuration: configuration)

        let shape = fitted.network.configuration
        let initial = RecurrentNetwork(configuration: shape, seed: configuration.seed)
        let windows = SupervisedWindows(target: values, specification: WindowSpecification(lookback: 6, horizon: 2))
        let workspace = NetworkWorkspace(configuration: shape, maxBatch: windows.count, lookback: 6)
        workspace.zeroGradients()
        let predictions = initial.forward(inputs: windows.inputs, batchSize: windows.count, lookback: 6, workspace: workspace)
        // d(mean squared error)/d(prediction) = 2 (ŷ − y) / (B · O)
        let scale = 2 / Float(windows.targets.count)
        let dPredictions = zip(predictions, windows.targets).map { scale * ($0 - $1) }
        initial.backward(dPredictions: dPredictions, workspace: workspace)
        let expected = zip(initial.parameters, workspace.gradients).map { $0 - 0.1 * $1 }
        let maxDifference = zip(expected, fitted.network.parameters).map { abs($0 - $1) }.max()!
        #expect(maxDifference < 1e-6, "largest parameter difference \(maxDifference)")
    }

    @Test func anAutomaticTransformIsChosenAndReported() throws {
        // A positive random walk has a unit root: log-returns.
        var state: UInt64 = 12345
        var level = 100.0
        var walk: [Double] = []
        for _ in 0..<300 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let shock = Double(state >> 11) / Double(1 << 53) - 0.5
            level *= exp(0.02 * shock)
            walk.append(level)
        }
        var configuration = Self.quickConfiguration()
        configuration.transform = nil
        configuration.epochs = 2
        let forecaster = try Forecaster.fit(values: walk, configuration: configuration)
        #expect(forecaster.transform == .logReturn)
        #expect(forecaster.fitReport!.decisions.contains { $0.contains("log-return") })
        // The same walk shifted below zero: differences.
        #expect(TransformSelection.choose(for: walk.map { $0 - 1000 }) == .difference)
        // The sine moves around a stable level: no transform.
        #expect(TransformSelection.choose(for: Self.sine) == TransformKind.none)
    }
}
