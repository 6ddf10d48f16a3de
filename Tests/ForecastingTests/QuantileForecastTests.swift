import Foundation
import Testing
@testable import Forecasting
import _ForecastTestSupport

/// The quantile loss end to end: the head learns quantiles, they never cross, intervals come from
/// them by conformalised quantile regression, and model files keep them.
struct QuantileForecastTests {
    /// Independent standard normal noise around 10 (Box–Muller over a fixed LCG): its 0.1 and 0.9
    /// quantiles are 10 ∓ 1.2816 whatever the past.
    static let noise: [Double] = {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return (Double(state >> 11) + 0.5) / Double(1 << 53)
        }
        return (0..<1200).map { _ in 10 + (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform()) }
    }()

    static func configuration(levels: [Double] = [0.1, 0.5, 0.9]) -> ForecasterConfiguration {
        var configuration = ForecasterConfiguration(hiddenSize: 8, lookback: 5, horizon: 2, selection: .network,
                                                    transform: TransformKind.none, epochs: 25, loss: .quantiles(levels))
        configuration.learningRate = 0.01
        configuration.threads = 1
        return configuration
    }

    @Test func theLossNormalisesItsLevels() throws {
        #expect(TrainingLoss.quantiles([0.9, 0.1, 0.9]) == .quantile(levels: [0.1, 0.5, 0.9]))
        #expect(TrainingLoss.quantiles([0.5]).outputsPerStep == 1)
        #expect(TrainingLoss.huber(delta: 2).outputsPerStep == 1)
        for bad in [TrainingLoss.quantile(levels: [0.1, 0.9]), .quantile(levels: [0.5, 0.2]), .quantile(levels: [0, 0.5]),
                    .huber(delta: 0), .huber(delta: .infinity)] {
            #expect(throws: ForecasterError.self) { try ForecasterConfiguration(loss: bad).validate() }
        }
    }

    @Test func theHeadLearnsTheQuantilesOfNoise() throws {
        let forecaster = try Forecaster.fit(values: Self.noise, configuration: Self.configuration())
        #expect(forecaster.horizon == 2)
        #expect(forecaster.networkConfiguration.outputs == 6)
        let quantiles = try forecaster.quantileForecast(steps: 2)
        // True quantiles 8.718, 10, 11.282; a small network after 25 epochs on 1,000 windows lands
        // within a quarter of a standard deviation of them.
        for (row, truth) in zip(quantiles, [10 - 1.2816, 10, 10 + 1.2816]) {
            for value in row { #expect(abs(value - truth) < 0.25, "\(value) against \(truth)") }
        }
        // The point forecast is the median.
        #expect(try forecaster.forecast(steps: 2) == quantiles[1])
    }

    @Test func quantilesNeverCrossAndContinuePastTheHorizon() throws {
        var configuration = Self.configuration(levels: [0.05, 0.3, 0.7, 0.95])
        configuration.epochs = 2
        let forecaster = try Forecaster.fit(values: Array(Self.noise.prefix(300)), configuration: configuration)
        let quantiles = try forecaster.quantileForecast(steps: 7)
        #expect(quantiles.count == 5)
        for step in 0..<7 {
            let column = quantiles.map { $0[step] }
            #expect(column == column.sorted(), "step \(step): \(column)")
        }
        #expect(throws: ForecasterError.self) {
            try Forecaster.fit(values: Array(Self.noise.prefix(300)),
                               configuration: ForecasterConfiguration(lookback: 5, epochs: 1, threads: 1)).quantileForecast(steps: 1)
        }
    }

    @Test func intervalsComeFromTheCalibratedQuantiles() throws {
        // On noise, an 80 % interval from the 0.1 and 0.9 quantiles spans about 2 · 1.28; conformal
        // calibration on 200 cut-offs keeps it within a third of that. The 95 % interval has no
        // quantiles of its own and is split-conformal around the median: wider.
        let history = Array(Self.noise.prefix(1000))
        let forecaster = try Forecaster.fit(values: history, configuration: Self.configuration())
        #expect(forecaster.intervalsFromQuantiles)
        let intervals = try forecaster.intervals(levels: [0.8, 0.95], steps: 2, history: history, calibrationWindows: 200)
        for step in 0..<2 {
            let low80 = try #require(intervals[0].lower[step]), high80 = try #require(intervals[0].upper[step])
            let low95 = try #require(intervals[1].lower[step]), high95 = try #require(intervals[1].upper[step])
            #expect(abs((high80 - low80) - 2.563) < 0.85, "80 % width \(high80 - low80)")
            #expect(high95 - low95 > high80 - low80)
        }
        // Held-out coverage over the next 200 values, one step ahead: near 80 %.
        var inside = 0
        for cutoff in 1000..<1200 {
            var conditioned = forecaster
            try conditioned.condition(on: Array(Self.noise[..<cutoff]))
            let interval = try conditioned.intervals(levels: [0.8], steps: 1, history: Array(Self.noise[..<cutoff]),
                                                     calibrationWindows: 100)[0]
            if let low = interval.lower[0], let high = interval.upper[0], low <= Self.noise[cutoff], Self.noise[cutoff] <= high {
                inside += 1
            }
        }
        // Binomial sd at n = 200 is 2.8 points; allow 10.
        #expect(abs(Double(inside) / 2 - 80) < 10, "coverage \(Double(inside) / 2) %")
    }

    /// An outer quantile that overflows (a log model's head at e¹⁰⁰⁰) fails the quantile forecast,
    /// not the point forecast, which reads the median alone.
    @Test func anOverflowingOuterQuantileLeavesThePointForecast() throws {
        var configuration = Self.configuration()
        configuration.epochs = 2
        configuration.transform = .log
        configuration.scaler = ScalerKind.none
        let forecaster = try Forecaster.fit(values: Array(Self.noise.prefix(300)), configuration: configuration)
        let folder = try ScratchFolder()
        let url = URL(fileURLWithPath: folder.path("quantiles.safetensors"))
        try forecaster.save(to: url)
        var file = try SafeTensorsFile(contentsOf: url)
        // Output 2 is step 1's 0.9 level (outputs are steps × levels, levels innermost).
        let bias = try #require(file.tensors["head.bias"])
        var biases = bias.values
        biases[2] = 1000
        file.tensors["head.bias"] = SafeTensorsFile.Tensor(shape: bias.shape, values: biases)
        let weight = try #require(file.tensors["head.weight"])
        let width = weight.shape[1]
        var weights = weight.values
        for column in 0..<width { weights[2 * width + column] = 0 }
        file.tensors["head.weight"] = SafeTensorsFile.Tensor(shape: weight.shape, values: weights)
        try file.write(to: url)
        let loaded = try Forecaster(contentsOf: url)
        #expect(try loaded.forecast(steps: 2) == (try forecaster.forecast(steps: 2)))
        #expect(throws: ForecasterError.nonFiniteForecast(step: 1)) { try loaded.quantileForecast(steps: 2) }
    }

    @Test func aQuantileModelFileKeepsItsLevels() throws {
        var configuration = Self.configuration()
        configuration.epochs = 2
        let forecaster = try Forecaster.fit(values: Array(Self.noise.prefix(300)), configuration: configuration)
        let folder = try ScratchFolder()
        let url = URL(fileURLWithPath: folder.path("quantiles.safetensors"))
        try forecaster.save(to: url)
        let file = try SafeTensorsFile(contentsOf: url)
        #expect(file.metadata["quantiles"] == "[0.1,0.5,0.9]")
        #expect(file.metadata["horizon"] == "6")
        let loaded = try Forecaster(contentsOf: url)
        #expect(loaded.horizon == 2)
        #expect(loaded.configuration.loss == .quantile(levels: [0.1, 0.5, 0.9]))
        #expect(try loaded.quantileForecast(steps: 4) == (try forecaster.quantileForecast(steps: 4)))

        for (value, fragment) in [("[0.1,0.9]", "0.5 among them"), ("[0.1,0.2,0.5,0.9]", "not a whole number of steps")] {
            var broken = file
            broken.metadata["quantiles"] = value
            try broken.write(to: url)
            #expect(throws: ModelFileError.self) { try Forecaster(contentsOf: url) }
            do { _ = try Forecaster(contentsOf: url) } catch { #expect("\(error.localizedDescription)".contains(fragment), "\(error)") }
        }
    }

    @Test func quantilePathsOfChangesGrowAsTheRootOfTheSteps() {
        // Each change one unit above the median: after k steps the quantile is √k above, not k.
        let adjusted = Forecaster.accumulatedQuantileChanges([1, 1, 1, 1], median: [0, 0, 0, 0])
        var sum = 0.0
        for (k, value) in adjusted.enumerated() {
            sum += value
            #expect(abs(sum - Double(k + 1).squareRoot()) < 1e-12)
        }
        // Below the median the distance is negative; the median's own changes pass through.
        let below = Forecaster.accumulatedQuantileChanges([1, 2], median: [3, 4])
        #expect(abs(below[0] - 1) < 1e-12)
        #expect(abs(below[0] + below[1] - (7 - 8.0.squareRoot())) < 1e-12)
    }

    @Test func theTrainerFollowsTheConfiguredLoss() throws {
        // Adam's steps do not depend on the gradient's scale, so Huber with a threshold no error
        // reaches (½e²) trains as MSE does and reports half its loss; MAE reports another.
        var configuration = ForecasterConfiguration(hiddenSize: 4, lookback: 5, selection: .network,
                                                    transform: TransformKind.none, epochs: 2)
        configuration.threads = 1
        let values = Array(Self.noise.prefix(300))
        let mse = try Forecaster.fit(values: values, configuration: configuration).fitReport!.trainingLosses
        configuration.loss = .huber(delta: 1e6)
        let huber = try Forecaster.fit(values: values, configuration: configuration).fitReport!.trainingLosses
        configuration.loss = .meanAbsoluteError
        let mae = try Forecaster.fit(values: values, configuration: configuration).fitReport!.trainingLosses
        for (half, whole) in zip(huber, mse) { #expect(abs(half / whole - 0.5) < 1e-3, "\(half) vs \(whole)") }
        #expect(abs(mae[0] - mse[0]) > 1e-3)
    }
}
