import Foundation
import Testing
@testable import Forecasting

/// A global model with covariates: every series' observed, known-in-advance and static columns
/// feed one network in the single-series layout, static values are scaled across series, and no
/// backtest fold reads a value after its cut-off.
@Suite struct GlobalCovariateTests {
    /// Three series of different lengths and levels, each y = level + 3 sin(2πt/24) + 4 x + noise,
    /// with x a known-in-advance input and an observed column that is the noise-free target.
    struct Family {
        var values: [[Double]] = []
        var observed: [[Double]] = []
        var known: [[Double]] = []
        let sizes: [Double] = [100, 250, 400]

        init(lengths: [Int] = [150, 170, 160]) {
            var generator = SeededGenerator(seed: 21)
            for (index, length) in lengths.enumerated() {
                let level = 20 + 30 * Double(index)
                let x = (0..<length).map { _ in Double(generator.uniform(in: -1.7...1.7)) }
                let clean = (0..<length).map { t in level + 3 * sin(2 * Double.pi * Double(t) / 24) + 4 * x[t] }
                known.append(x)
                observed.append(clean)
                values.append(clean.map { $0 + Double(generator.uniform(in: -0.3...0.3)) })
            }
        }

        func columns(observed: [[Double]]? = nil, known: [[Double]]? = nil) -> [FeatureColumns] {
            let (observed, known) = (observed ?? self.observed, known ?? self.known)
            return values.indices.map { FeatureColumns(observed: [observed[$0]], known: [known[$0]], constants: [sizes[$0]]) }
        }
    }

    static func configuration(epochs: Int = 3) -> ForecasterConfiguration {
        var configuration = ForecasterConfiguration()
        configuration.hiddenSize = 6
        configuration.lookback = 24
        configuration.horizon = 4
        configuration.epochs = epochs
        configuration.threads = 1
        configuration.transform = TransformKind.none
        return configuration
    }

    @Test func membersReadTheSingleSeriesLayoutWithStaticValuesScaledAcrossSeries() throws {
        let family = Family()
        let global = try GlobalForecaster.fit(series: family.values, features: family.columns(), names: ["a", "b", "c"],
                                              featureNames: ["clean", "x", "size"], configuration: Self.configuration())
        let members = try global.members.map { try $0.get() }
        let shared = FittedScaler(kind: Self.configuration().scaler, fittedTo: family.sizes)
        for (index, member) in members.enumerated() {
            #expect(member.observedFeatureCount == 1 && member.knownFeatureCount == 2)
            #expect(member.networkConfiguration.inputSize == 4 && member.networkConfiguration.headInputs == 2 * 4)
            #expect(member.columnNames == [["a", "b", "c"][index], "clean", "x", "size"])
            #expect(member.scalers.last == shared)
            #expect(member.recentFeatures[2] == Array(repeating: family.sizes[index], count: 24))
        }
        // Each series keeps its own scalers for its own columns.
        #expect(members[0].scalers[1] != members[1].scalers[1])

        // A member forecasts from the columns as a single-series model does, reading its static value.
        let wrapped = FeatureAwareForecaster(forecaster: members[1], columns: family.columns()[1])
        let history = Array(family.values[1][..<150])
        let forecast = try wrapped.forecast(after: history, horizon: 4)
        var otherSize = family.columns()[1]
        otherSize.constants = [100]
        #expect(try FeatureAwareForecaster(forecaster: members[1], columns: otherSize).forecast(after: history, horizon: 4) != forecast)

        // Saved, a member is an ordinary model file with two known-in-advance columns.
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("global-member-\(UUID()).safetensors")
        defer { try? FileManager.default.removeItem(at: url) }
        try members[1].save(to: url)
        let loaded = try Forecaster(contentsOf: url)
        #expect(loaded.knownFeatureCount == 2 && loaded.columnNames == ["b", "clean", "x", "size"])
        let future = family.columns()[1].known(from: 170, count: 4).map { $0.isEmpty ? [0.5, -1, 0, 1] : $0 }
        #expect(try loaded.forecast(steps: 4, knownFuture: future) == (try members[1].forecast(steps: 4, knownFuture: future)))
    }

    @Test func seriesWhoseColumnsDifferInNumberAreRefused() throws {
        let family = Family()
        var columns = family.columns()
        columns[2].observed = []
        #expect(throws: ForecasterError.featureMismatch(expected: 1, actual: 0)) {
            try GlobalForecaster.fit(series: family.values, features: columns, configuration: Self.configuration(epochs: 1))
        }
        columns = family.columns()
        columns[1].constants = []
        #expect(throws: ForecasterError.knownFeatureMismatch(expected: 2, actual: 1)) {
            try GlobalForecaster.fit(series: family.values, features: columns, configuration: Self.configuration(epochs: 1))
        }
    }

    /// Global fold g must not change when every series' observed features from its own cut-off on,
    /// and its known ones after the fold's steps, are shifted; the known values of the fold's own
    /// steps are read. (A shift, not a huge value, so the later folds, which may read it, still train.)
    @Test func globalBacktestFoldsReadNothingAfterTheirCutoffs() throws {
        let family = Family()
        let horizon = 4
        let backtests = family.values.map { values in
            WalkForwardBacktest(plan: .lastFolds(2, horizon: horizon, stride: 8, rows: values.count, minimumHistory: 100), seasonPeriod: 24)
        }
        // No validation part: a row read by mistake would be trained on, not only validated on.
        var configuration = Self.configuration()
        configuration.validationFraction = 0
        let backtest = GlobalBacktest(configuration: configuration, frequency: .hourly)
        func forecasts(_ columns: [FeatureColumns]) throws -> [[[Double]]] {
            let (results, report) = backtest.run(series: family.values, columns: columns, backtests: backtests)
            #expect(report.fits.count == 2)
            return try results.map { try $0.get().map(\.forecasts) }
        }
        let clean = try forecasts(family.columns())
        #expect(clean.allSatisfy { $0.count == 2 })
        for fold in 0..<2 {
            var observed = family.observed, known = family.known
            for s in family.values.indices {
                let cutoff = backtests[s].plan.cutoffs[fold]
                for row in cutoff..<observed[s].count { observed[s][row] += 25 }
                for row in (cutoff + horizon)..<known[s].count { known[s][row] -= 3 }
            }
            let poisoned = try forecasts(family.columns(observed: observed, known: known))
            for s in family.values.indices {
                #expect(poisoned[s][fold] == clean[s][fold], "series \(s), fold \(fold) read a value after its cut-off")
            }
            if fold == 0 { #expect(poisoned[0][1] != clean[0][1], "the later fold reads the shifted rows") }
            var shifted = family.known
            shifted[2][backtests[2].plan.cutoffs[fold] + 1] += 2
            #expect(try forecasts(family.columns(known: shifted))[2][fold] != clean[2][fold])
        }
    }
}
