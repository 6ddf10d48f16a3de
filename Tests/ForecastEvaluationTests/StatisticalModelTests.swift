import Foundation
import Testing
@testable import ForecastEvaluation

/// Exponential smoothing and theta on series whose structure is known, and their building blocks.
struct StatisticalModelTests {
    /// Deterministic noise in [−1, 1) (xorshift64), so every run fits the same series.
    static func noise(count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return Double(state >> 11) / Double(1 << 52) - 1
        }
    }

    @Test func aRandomWalkIsForecastFlatAtItsLastValue() throws {
        var level = 100.0
        let walk = Self.noise(count: 200).map { step -> Double in level += 5 * step; return level }
        let fit = try ExponentialSmoothing(seasonPeriod: 1).fit(history: walk)
        #expect(fit.model == ExponentialSmoothingModel(trend: .none, season: .none))
        #expect(fit.parameters.alpha > 0.85, "α = \(fit.parameters.alpha)")
        let forecast = fit.forecast(after: walk, horizon: 5)
        // Flat, and near the last value: α > 0.85 leaves under 15 % of the last errors (|step| < 5) out.
        #expect(Set(forecast).count == 1)
        #expect(abs(forecast[0] - walk.last!) < 2, "\(forecast) after \(walk.last!)")
    }

    @Test func aLinearTrendIsExtrapolated() throws {
        let noise = Self.noise(count: 120)
        let line = (0..<120).map { 10 + 2 * Double($0) + 0.5 * noise[$0] }
        let fit = try ExponentialSmoothing(seasonPeriod: 1).fit(history: line)
        #expect(fit.model.trend != .none)
        let forecast = fit.forecast(after: line, horizon: 10)
        for (k, value) in forecast.enumerated() {
            let expected = 10 + 2 * Double(120 + k)
            #expect(abs(value - expected) / expected < 0.01, "step \(k + 1): \(value) against \(expected)")
        }
    }

    @Test func thetaDriftsAtHalfTheSlope() throws {
        let noise = Self.noise(count: 120)
        let line = (0..<120).map { 10 + 2 * Double($0) + 0.5 * noise[$0] }
        let forecast = try ThetaMethod(seasonPeriod: 1).fit(history: line).forecast(after: line, horizon: 10)
        let steps = zip(forecast.dropFirst(), forecast).map { $0 - $1 }
        // Far from the origin the drift term adds B/2 per step, B ≈ 2 the least-squares slope.
        #expect(steps.allSatisfy { abs($0 - 1) < 0.02 }, "\(steps)")
    }

    static let pattern = [12.0, 8, 15, 3, -6, -10, -14, -9, 0, 4, -7, 4]

    @Test func aCleanSeasonalPatternIsReproduced() throws {
        let noise = Self.noise(count: 120)
        let series = (0..<120).map { 50 + Self.pattern[$0 % 12] + 0.1 * noise[$0] }
        let fit = try ExponentialSmoothing(seasonPeriod: 12).fit(history: series)
        #expect(fit.model.season == .additive)
        let forecast = fit.forecast(after: series, horizon: 24)
        let theta = try ThetaMethod(seasonPeriod: 12).fit(history: series)
        #expect(theta.decomposition == .multiplicative)
        let thetaForecast = try theta.forecast(after: series, horizon: 24)
        for k in 0..<24 {
            let expected = 50 + Self.pattern[(120 + k) % 12]
            #expect(abs(forecast[k] - expected) / expected < 0.01, "ets step \(k + 1)")
            #expect(abs(thetaForecast[k] - expected) / expected < 0.02, "theta step \(k + 1)")
        }
    }

    /// A deseasonalised theta model recomputes its indices from the history it forecasts after: on
    /// less than two full seasons it says so, and a calibration whose early cut-offs fall there
    /// calibrates on the later ones, where such a cut-off once stopped `tsf backtest --level`.
    @Test func aDeseasonalisedThetaModelNeedsTwoSeasonsToForecastAndCalibrates() throws {
        let noise = Self.noise(count: 48)
        let series = (0..<48).map { 50 + Self.pattern[$0 % 12] + 0.1 * noise[$0] }
        let theta = try ThetaMethod(seasonPeriod: 12).fit(history: series)
        #expect(theta.decomposition == .multiplicative)
        #expect(throws: BaselineError.historyTooShort(method: "theta", needed: 24, available: 23)) {
            try theta.forecast(after: Array(series.prefix(23)), horizon: 1)
        }
        #expect(try theta.forecast(after: Array(series.prefix(24)), horizon: 1).count == 1)
        // Cut-offs 10…47: the 14 before row 24 give no residual.
        let residuals = try ConformalCalibration.residuals(of: theta, history: series, horizon: 1, count: 38, minimumHistory: 10)
        #expect(residuals[0].count == 24)
        #expect(residuals[0].allSatisfy { $0.isFinite && $0 < 1 })
    }

    @Test func seasonalModelsNeedTwoFullSeasons() {
        let method = ExponentialSmoothing(seasonPeriod: 12)
        #expect(method.admissibleCandidates(count: 23).allSatisfy { $0.season == .none })
        #expect(method.admissibleCandidates(count: 24).count == 6)
        #expect(ExponentialSmoothing(seasonPeriod: 1).admissibleCandidates(count: 100).count == 3)
    }

    @Test func tooShortAHistoryIsAnError() {
        #expect(throws: BaselineError.historyTooShort(method: "ets", needed: 5, available: 4)) {
            try ExponentialSmoothing(seasonPeriod: 1).fit(history: [1, 2, 3, 4])
        }
        #expect(throws: BaselineError.historyTooShort(method: "theta", needed: 5, available: 3)) {
            try ThetaMethod(seasonPeriod: 1).fit(history: [1, 2, 3])
        }
    }

    /// Values near the largest doubles overflow every model's likelihood: the error says the history
    /// is unusable, not that it is short (it holds 40 values, far more than the 5 needed).
    @Test func aHistoryNoModelFitsIsUnusableNotShort() throws {
        let huge = (0..<40).map { Double($0) * 1e306 }
        do {
            _ = try ExponentialSmoothing(seasonPeriod: 1).fit(history: huge)
            Issue.record("a fit on values near 10³⁰⁸ should fail")
        } catch let BaselineError.unusableHistory(method, reason) {
            #expect(method == "ets")
            #expect(reason.contains("finite likelihood"))
        }
        // Five values, the fewest allowed, still fit.
        #expect(throws: Never.self) { try ExponentialSmoothing(seasonPeriod: 1).fit(history: [1, 3, 2, 4, 3]) }
    }

    @Test func nelderMeadFindsTheRosenbrockMinimum() {
        let rosenbrock = { (x: [Double]) in 100 * pow(x[1] - x[0] * x[0], 2) + pow(1 - x[0], 2) }
        let result = NelderMead().minimise(rosenbrock, start: [-1.2, 1], steps: [0.1, 0.1])
        #expect(abs(result.point[0] - 1) < 1e-4 && abs(result.point[1] - 1) < 1e-4, "\(result.point)")
    }

    @Test func schurCohnTellsRootsInsideFromOutside() {
        // (z − 0.5)(z + 0.9) = z² + 0.4z − 0.45; (z − 1.2)(z + 0.1) = z² − 1.1z − 0.12.
        #expect(ExponentialSmoothingBounds.rootsWithin(radius: 1, coefficients: [-0.45, 0.4, 1]))
        #expect(!ExponentialSmoothingBounds.rootsWithin(radius: 1, coefficients: [-0.12, -1.1, 1]))
        #expect(ExponentialSmoothingBounds.rootsWithin(radius: 1.3, coefficients: [-0.12, -1.1, 1]))
    }

    @Test(arguments: [0, 1, 5, 12])
    func theFilterGivesTheTextbookRecursionBitForBit(period: Int) {
        // The filter keeps its states in locals and its ring behind a wrapping index; the recursion
        // written plainly (t mod m) must give the same sums and states, also when it runs in pieces
        // that start mid-season, as rolling forecasts run it.
        let y = Self.noise(count: 150).enumerated().map { 20 + 0.1 * Double($0.offset) + 3 * $0.element }
        let season = (0..<period).map { sin(Double($0)) }
        let p = ExponentialSmoothingParameters(alpha: 0.31, beta: 0.02, gamma: period > 0 ? 0.07 : 0,
                                               phi: 0.93, level: 19.5, slope: 0.12,
                                               season: season.map { $0 - season.reduce(0, +) / Double(max(period, 1)) })
        var (level, slope, states) = (p.level, p.slope, p.season)
        var expected = 0.0
        for (t, value) in y.enumerated() {
            let damped = p.phi * slope
            let s = period > 0 ? states[t % period] : 0
            let e = value - (level + damped + s)
            level += damped + p.alpha * e
            slope = damped + p.beta * e
            if period > 0 { states[t % period] = s + p.gamma * e }
            expected += e * e
        }
        var whole = ExponentialSmoothingFilter(p)
        #expect(whole.filter(y) == expected)
        #expect(whole.level == level && whole.slope == slope && whole.season == states)
        var pieces = ExponentialSmoothingFilter(p)
        var total = 0.0
        for range in [0..<7, 7..<8, 8..<61, 61..<150] { total += pieces.filter(y[range])! }
        #expect(pieces.level == level && pieces.slope == slope && pieces.season == states)
        #expect(abs(total - expected) <= 1e-12 * expected)
    }

    @Test func theLineIsTheLeastSquaresFitOfOnesAndTimeBitForBit() {
        // `line` sums the normal equations without building rows; it must give `fit`'s numbers.
        let y = Self.noise(count: 333).enumerated().map { 7 - 0.03 * Double($0.offset) + $0.element }
        for count in [2, 3, 50, 333] {
            let line = LeastSquares.line(y[..<count])
            let fit = LeastSquares.fit(rows: (1...count).map { [1, Double($0)] }, targets: Array(y[..<count]))
            #expect(line.intercept == fit[0] && line.slope == fit[1], "\(count) values")
        }
        let exact = LeastSquares.line([3, 5, 7, 9][...])
        #expect(abs(exact.intercept - 1) < 1e-12 && abs(exact.slope - 2) < 1e-12)
    }

    @Test func theFreeSeasonalStatesAreUnpackedWithTheirBalancingState() {
        let layout = ExponentialSmoothingLayout(model: ExponentialSmoothingModel(trend: .damped, season: .additive), period: 4)
        let x = [0.3, 0.01, 0.1, 0.9, 50, 0.5, 1.5, -0.25, 0.125]
        let p = layout.parameters(from: x)
        #expect([p.alpha, p.beta, p.gamma, p.phi, p.level, p.slope] == [0.3, 0.01, 0.1, 0.9, 50, 0.5])
        #expect(p.season == [-(1.5 + -0.25 + 0.125), 1.5, -0.25, 0.125])
        #expect(layout.vector(from: p) == x)
    }

    @Test func classicalDecompositionRecoversAnAdditivePatternOnALine() {
        let series = (0..<60).map { 3 * Double($0) + Self.pattern[$0 % 12] }
        let indices = ClassicalDecomposition.seasonalIndices(series, period: 12, kind: .additive)
        let mean = Self.pattern.reduce(0, +) / 12
        for (index, value) in zip(indices, Self.pattern) { #expect(abs(index - (value - mean)) < 1e-9) }
    }

    @Test func thetaDeseasonalisesOnlyTestedSeasons() throws {
        let seasonal = (0..<96).map { 50 + Self.pattern[$0 % 12] + 0.1 * Self.noise(count: 96)[$0] }
        #expect(try ThetaMethod(seasonPeriod: 12).fit(history: Array(seasonal.prefix(60))).decomposition == .multiplicative)
        // Under two seasons the test is not run (with two, |r_m| ≤ ½ rarely clears the bound).
        #expect(try ThetaMethod(seasonPeriod: 12).fit(history: Array(seasonal.prefix(23))).decomposition == nil)
        #expect(try ThetaMethod(seasonPeriod: 12).fit(history: Self.noise(count: 96).map { $0 + 10 }).decomposition == nil)
        let threes = (0..<60).map { [5.0, 9, 2][$0 % 3] + 0.1 * Self.noise(count: 60)[$0] }
        #expect(SeasonalityTest.isSeasonal(threes, period: 3))
        #expect(try ThetaMethod(seasonPeriod: 3).fit(history: threes).decomposition == nil)
    }
}
