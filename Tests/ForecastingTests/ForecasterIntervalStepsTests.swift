import Foundation
import Testing
import Forecasting

/// A model's intervals for fewer steps than its own are the first of the intervals for its own
/// steps: the steps share one calibrated quantile, which once followed how many steps were asked
/// for, so `tsf predict --horizon 1` and `--horizon 12` disagreed on the first step.
struct ForecasterIntervalStepsTests {
    static let values: [Double] = (0..<120).map { (row: Int) -> Double in
        let t = Double(row)
        return 20 + 3 * sin(t / 4) + 0.05 * t + 0.4 * sin(t * 1.9)
    }

    static func configuration() -> ForecasterConfiguration {
        var configuration = ForecasterConfiguration(hiddenSize: 4, lookback: 8, horizon: 6, epochs: 2, threads: 1)
        configuration.selection = .network
        configuration.transform = TransformKind.none
        return configuration
    }

    @Test func fewerStepsTakeTheFirstOfTheModelsOwnIntervals() throws {
        let forecaster = try Forecaster.fit(values: Self.values, configuration: Self.configuration())
        #expect(forecaster.forecastSteps == 6)
        let whole = try forecaster.intervals(levels: [0.8, 0.95], steps: 6, history: Self.values)
        for steps in 1...5 {
            let fewer = try forecaster.intervals(levels: [0.8, 0.95], steps: steps, history: Self.values)
            #expect(fewer == whole.map { $0.prefix(steps) }, "steps \(steps)")
            #expect(fewer.allSatisfy { $0.lower.count == steps && $0.lower.allSatisfy { $0 != nil } })
        }
    }

    /// A column known in advance that reaches the model's own steps (calendar columns do) is read
    /// over them, and the intervals agree the same way.
    @Test func aKnownColumnIsReadAsFarAsItReaches() throws {
        let known = (0..<126).map { cos(Double($0) / 4) }
        let forecaster = try Forecaster.fit(values: Self.values, knownFeatures: [Array(known.prefix(120))],
                                            configuration: Self.configuration())
        let whole = try forecaster.intervals(levels: [0.8], steps: 6, history: Self.values, columns: FeatureColumns(known: [known]))
        let fewer = try forecaster.intervals(levels: [0.8], steps: 2, history: Self.values, columns: FeatureColumns(known: [known]))
        #expect(fewer == whole.map { $0.prefix(2) })
    }
}
