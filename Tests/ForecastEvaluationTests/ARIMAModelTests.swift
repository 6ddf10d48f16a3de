import Foundation
import Testing
@testable import ForecastEvaluation

/// The parts of the ARIMA method on small cases that can be checked by hand or by simulation.
struct ARIMAModelTests {
    /// Standard normal draws from a fixed linear congruential generator (Box–Muller).
    static func normals(_ count: Int, seed: UInt64) -> [Double] {
        var state = seed
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (Double(state >> 11) + 0.5) / Double(1 << 53)
        }
        return (0..<count).map { _ in (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform()) }
    }

    @Test func kpssStatisticOfAStraightLineByHand() throws {
        // e = −2…2, partial sums −2, −3, −3, −2, 0: η = 26/25; s² = 10/5; KPSS = 0.52.
        let value = try #require(KPSSTest.statistic([1, 2, 3, 4, 5], lags: 0))
        #expect(abs(value - 0.52) < 1e-12)
        // With one Bartlett lag: Σ e_t e_{t−1} = 2 + 0 + 0 + 2 = 4, s² = (10 + 2·4·½)/5 = 2.8.
        let lagged = try #require(KPSSTest.statistic([1, 2, 3, 4, 5], lags: 1))
        #expect(abs(lagged - 1.04 / 2.8) < 1e-12)
        #expect(KPSSTest.statistic([3, 3, 3, 3]) == nil)
        #expect(KPSSTest.lags(count: 144) == 2)
    }

    @Test(arguments: ARIMAReference.shared.series)
    func kpssAndSeasonalStrengthMatchStatsmodelsAndStatsforecast(series: ARIMAReference.Series) throws {
        let statistic = try #require(KPSSTest.statistic(series.values, lags: series.kpss.lags))
        #expect(abs(statistic - series.kpss.statistic) < 1e-10 * series.kpss.statistic)
        if let expected = series.seasonal_strength {
            let strength = try #require(SeasonalStrength.strength(series.values, period: series.season_period))
            #expect(abs(strength - expected) < 1e-9)
        }
        #expect(SeasonalStrength.seasonalDifferences(series.values, period: series.season_period) == series.nsdiffs)
    }

    @Test func differencing() {
        let squares: [Double] = [1, 4, 9, 16, 25]
        #expect(Differencing.difference(squares) == [3, 5, 7, 9])
        #expect(Differencing.difference(squares, times: 2) == [2, 2, 2])
        #expect(Differencing.difference(squares, lag: 2) == [8, 12, 16])
        #expect(Differencing.difference(squares, lag: 5).isEmpty)
        // (1 − B)(1 − B⁴) = 1 − B − B⁴ + B⁵.
        #expect(Differencing.operatorCoefficients(d: 1, seasonalD: 1, period: 4) == [1, 0, 0, 1, -1])
        #expect(Differencing.operatorCoefficients(d: 2, seasonalD: 0, period: 1) == [2, -1])
    }

    @Test func stationarityTransformRoundTripsAndRootBound() {
        let u = [0.3, -1.2, 0.8]
        let phi = StationarityTransform.coefficients(fromUnconstrained: u)
        let back = StationarityTransform.unconstrained(fromCoefficients: phi)
        #expect(zip(u, back).allSatisfy { abs($0 - $1) < 1e-12 })
        // AR(1) with φ = 0.995 has its root at 1/0.995 ≈ 1.005, inside the 1.01 bound; 0.9 at 1.11.
        #expect(!StationarityTransform.rootsExceed(1.01, coefficients: [0.995]))
        #expect(StationarityTransform.rootsExceed(1.01, coefficients: [0.9]))
        // 1 − 1.8z + 0.81z² = (1 − 0.9z)²: a double root at 1.11.
        #expect(StationarityTransform.rootsExceed(1.01, coefficients: [1.8, -0.81]))
        #expect(!StationarityTransform.rootsExceed(1.2, coefficients: [1.8, -0.81]))
    }

    @Test(arguments: [ARIMAEstimation.conditionalSumOfSquares, .conditionalThenMaximumLikelihood, .statsforecast])
    func simulatedAR1RecoversItsCoefficient(estimation: ARIMAEstimation) throws {
        let noise = Self.normals(2000, seed: 42)
        var y: [Double] = [noise[0]]
        for t in 1..<noise.count { y.append(0.7 * y[t - 1] + noise[t]) }
        let values = y.map { $0 + 10 }
        let model = try #require(ARIMAModel.fit(values, order: ARIMAOrder(p: 1, d: 0, q: 0, constant: true), estimation: estimation))
        // The standard error of φ̂ is √((1 − φ²)/n) ≈ 0.016; the mean's is about 0.075.
        #expect(abs(model.coefficients.ar[0] - 0.7) < 0.05)
        #expect(abs(model.coefficients.constant - 10) < 0.3)
        #expect(abs(model.variance - 1) < 0.1)
    }

    @Test func randomWalkWithDriftForecastsTheMeanStep() throws {
        let noise = Self.normals(300, seed: 7)
        var y: [Double] = [100]
        for t in 1..<noise.count { y.append(y[t - 1] + 0.5 + noise[t]) }
        let order = ARIMAOrder(p: 0, d: 1, q: 0, constant: true)
        let model = try #require(ARIMAModel.fit(y, order: order))
        let meanStep = (y.last! - y[0]) / Double(y.count - 1)
        #expect(abs(model.coefficients.constant - meanStep) < 1e-6)
        let forecast = try model.forecast(after: y, horizon: 5)
        for (k, value) in forecast.enumerated() {
            #expect(abs(value - (y.last! + Double(k + 1) * model.coefficients.constant)) < 1e-8)
        }
        // The automatic method differences once and keeps the drift.
        let auto = try ARIMA(seasonPeriod: 1).fit(history: y)
        #expect(auto.order.d == 1 && auto.order.hasDrift)
        #expect(try auto.forecast(after: y, horizon: 3).allSatisfy(\.isFinite))
    }

    @Test func unusableHistoriesThrowBaselineErrors() throws {
        let method = ARIMA(seasonPeriod: 12)
        #expect(throws: BaselineError.historyTooShort(method: "arima", needed: 5, available: 4)) {
            try method.fit(history: [1, 2, 3, 4])
        }
        #expect(throws: BaselineError.unusableHistory(method: "arima", reason: "it is constant")) {
            try method.fit(history: [Double](repeating: 3, count: 30))
        }
        #expect(throws: BaselineError.self) {
            try method.fit(history: [1, 2, .nan, 4, 5, 6])
        }
        // A fitted model asked to forecast after a history with a gap throws rather than return NaN.
        let fitted = try method.fit(history: (0..<40).map { Double($0) + sin(Double($0)) })
        #expect(throws: BaselineError.self) {
            try fitted.forecast(after: (0..<40).map { $0 == 20 ? .nan : Double($0) }, horizon: 3)
        }
        let error = BaselineError.unusableHistory(method: "arima", reason: "it is constant")
        #expect(error.localizedDescription.contains("arima") && error.localizedDescription.contains("constant"))
    }

    @Test(arguments: [5, 6, 9, 13, 25, 40])
    func shortAndAwkwardHistoriesForecastFiniteValues(count: Int) throws {
        let noise = Self.normals(count, seed: UInt64(count))
        let histories: [[Double]] = [
            (0..<count).map { Double($0) + noise[$0] },                           // trend
            (0..<count).map { 5 * sin(Double($0) * .pi / 6) + noise[$0] },        // season of 12
            (0..<count).map { Double($0 % 2) },                                    // alternating
            (0..<count).map { Double($0) * 2 },                                    // a straight line
        ]
        for history in histories {
            for m in [1, 4, 12] {
                let model = try ARIMA(seasonPeriod: m).fit(history: history)
                let forecast = try model.forecast(after: history, horizon: 7)
                #expect(forecast.count == 7 && forecast.allSatisfy(\.isFinite), "n \(count) m \(m) \(model.order)")
            }
        }
        // A straight line is a difference equation: its forecast continues the line.
        let line = (0..<count).map { Double($0) * 2 }
        let forecast = try ARIMA(seasonPeriod: 1).fit(history: line).forecast(after: line, horizon: 3)
        #expect(zip(forecast, [2.0, 4, 6].map { line.last! + $0 }).allSatisfy { abs($0 - $1) < 1e-6 })
    }
}
