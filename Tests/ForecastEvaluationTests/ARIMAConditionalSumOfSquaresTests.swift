import Foundation
import Testing
@testable import ForecastEvaluation

/// The CSS objective's workspace and its exact gradient, and BFGS with an exact gradient.
struct ARIMAConditionalSumOfSquaresTests {
    /// A seasonal (m = 4) ARMA series with a trend, far from zero, so that means, drifts, seasonal and
    /// non-seasonal terms all matter.
    static let series: [Double] = {
        let noise = ARIMAModelTests.normals(240, seed: 11)
        var y = [Double](repeating: 0, count: noise.count)
        for t in noise.indices {
            var value = noise[t] + 0.4 * (t >= 1 ? noise[t - 1] : 0) + 0.3 * (t >= 4 ? noise[t - 4] : 0)
            if t >= 1 { value += 0.5 * y[t - 1] }
            if t >= 4 { value += 0.2 * y[t - 4] }
            y[t] = value
        }
        return y.enumerated().map { 50 + 0.05 * Double($0.offset) + 3 * sin(Double($0.offset) * .pi / 2) + $0.element }
    }()

    /// Orders with every kind of coefficient: mean, drift, none; seasonal AR and MA whose products with
    /// the non-seasonal terms fill the expanded lags; and p ≥ m, where the expanded lags overlap.
    static let orders: [ARIMAOrder] = [
        ARIMAOrder(p: 2, d: 0, q: 1, constant: true),
        ARIMAOrder(p: 1, d: 1, q: 2, constant: true),
        ARIMAOrder(p: 3, d: 0, q: 3),
        ARIMAOrder(p: 1, d: 0, q: 1, seasonalP: 1, seasonalQ: 1, period: 4, constant: true),
        ARIMAOrder(p: 0, d: 1, q: 1, seasonalD: 1, seasonalQ: 1, period: 4),
        ARIMAOrder(p: 2, d: 1, q: 0, seasonalP: 2, seasonalD: 0, period: 4, constant: true),
        ARIMAOrder(p: 5, d: 0, q: 4, seasonalP: 1, seasonalQ: 1, period: 4),
        ARIMAOrder(p: 0, d: 2, q: 2, seasonalP: 1, seasonalQ: 2, period: 4),
    ]

    /// A point away from zero and inside the stationary region, so every term of the gradient is exercised.
    static func point(for order: ARIMAOrder) -> [Double] {
        let pattern = [0.3, -0.2, 0.15, -0.1, 0.05]
        var x: [Double] = []
        for count in [order.p, order.q, order.seasonalP, order.seasonalQ] { x += (0..<count).map { pattern[$0 % pattern.count] } }
        if order.hasMean { x.append(48) }
        if order.hasDrift { x.append(0.04) }
        return x
    }

    @Test(arguments: orders)
    func exactGradientMatchesCentralDifferences(order: ARIMAOrder) throws {
        let objective = ConditionalSumOfSquares.Objective(Self.series, order: order)
        let x = Self.point(for: order)
        let exact = try #require(objective.gradient(x))
        #expect(exact.count == x.count)
        for i in x.indices {
            // Steps of 10⁻⁶ leave truncation near 10⁻¹² and rounding near 10⁻¹⁰ in the difference.
            let h = 1e-6 * max(1, abs(x[i]))
            var up = x, down = x
            up[i] += h
            down[i] -= h
            let numeric = (objective.value(up) - objective.value(down)) / (2 * h)
            #expect(abs(exact[i] - numeric) <= 1e-6 * max(abs(numeric), 1e-3), "coefficient \(i): \(exact[i]) against \(numeric)")
        }
    }

    @Test(arguments: orders)
    func valueIsTheMeanSquareOfTheAdjustedSeries(order: ARIMAOrder) {
        // The workspace must give exactly what the one-off function gives on the adjusted series.
        let x = Self.point(for: order)
        let c = ARIMACoefficients(vector: x, order: order)
        let reference = ConditionalSumOfSquares.meanSquare(ARIMAModel.adjusted(Self.series, order: order, constant: c.constant),
                                                           phi: c.expandedAR(period: order.period),
                                                           theta: c.expandedMA(period: order.period), order: order)
        let objective = ConditionalSumOfSquares.Objective(Self.series, order: order)
        #expect(objective.value(x) == 0.5 * log(reference.value))
        // Evaluations share buffers: a second point, then the first again, gives the same value.
        _ = objective.value(x.map { $0 * 0.5 })
        #expect(objective.value(x) == 0.5 * log(reference.value))
        #expect(reference.count == Self.series.count - order.differencingLoss - order.expandedARDegree)
    }

    @Test(arguments: orders)
    func innovationsAreThoseOfThePlainRecursion(order: ARIMAOrder) {
        // The workspace reorders the sums for speed (the AR part over all t at once, the MA lags
        // farthest first); the mean square must stay that of the recursion written plainly.
        let x = Self.point(for: order)
        let c = ARIMACoefficients(vector: x, order: order)
        let w = Differencing.difference(ARIMAModel.adjusted(Self.series, order: order, constant: c.constant), order: order)
        let (a, b) = (c.expandedAR(period: order.period), c.expandedMA(period: order.period))
        var e = [Double](repeating: 0, count: w.count)
        var sum = 0.0
        for t in a.count..<w.count {
            var value = w[t]
            for (i, coefficient) in a.enumerated() { value -= coefficient * w[t - i - 1] }
            for (i, coefficient) in b.enumerated() where t - i - 1 >= a.count { value -= coefficient * e[t - i - 1] }
            e[t] = value
            sum += value * value
        }
        let plain = 0.5 * log(sum / Double(w.count - a.count))
        let value = ConditionalSumOfSquares.Objective(Self.series, order: order).value(x)
        #expect(abs(value - plain) <= 1e-13 * max(1, abs(plain)), "\(value) against \(plain)")
    }

    @Test(arguments: orders)
    func remembersTheLastTwoPointsWithoutMixingThemUp(order: ARIMAOrder) throws {
        // The workspace keeps the innovations of the last two points evaluated; whatever came before,
        // each value and gradient must be the one a fresh workspace gives.
        let x = Self.point(for: order)
        let y = x.map { $0 * 0.5 }, z = x.map { $0 * 0.8 }
        func fresh() -> ConditionalSumOfSquares.Objective { ConditionalSumOfSquares.Objective(Self.series, order: order) }
        let expected = try [x, y, z].map { (fresh().value($0), try #require(fresh().gradient($0))) }
        let objective = fresh()
        for sequence in [[0, 1, 0], [0, 1, 2, 0], [2, 2, 1, 2, 0, 1]] {
            for k in sequence {
                let point = [x, y, z][k]
                #expect(objective.value(point) == expected[k].0)
                #expect(objective.gradient(point) == expected[k].1)
                #expect(objective.value(point) == expected[k].0)
            }
        }
        _ = objective.value(y)
        _ = objective.value(z)
        #expect(objective.gradient(y) == expected[1].1)
        #expect(objective.gradient(x) == expected[0].1)
    }

    @Test(arguments: orders)
    func aRememberedConditionalFitGivesTheSameModel(order: ARIMAOrder) throws {
        // The approximate search fits each order by CSS, then refits its leaders from the same CSS
        // minimisation; taking it from memory must change nothing.
        let optimiser = BFGS(valueTolerance: 1.5e-8)
        let memory = ARIMAModel.ConditionalFits()
        let css = try #require(ARIMAModel.fit(Self.series, order: order, estimation: .conditionalSumOfSquares,
                                              optimiser: optimiser, remembering: memory))
        #expect(memory.results[order] != nil || order.coefficientCount == 0)
        let remembered = ARIMAModel.fit(Self.series, order: order, estimation: .statsforecast, optimiser: optimiser, remembering: memory)
        let afresh = ARIMAModel.fit(Self.series, order: order, estimation: .statsforecast, optimiser: optimiser)
        #expect(remembered == afresh)
        #expect(css == ARIMAModel.fit(Self.series, order: order, estimation: .conditionalSumOfSquares, optimiser: optimiser))
    }

    @Test func aConditionalFitThatDoesNotConvergeIsRerunWithDifferences() {
        let order = ARIMAOrder(p: 1, d: 0, q: 1, seasonalP: 1, seasonalQ: 1, period: 4, constant: true)
        let start = [0, 0, 0, 0, 50.0]
        // Four iterations in all: the exact run stops at two without converging, so the result is
        // the run with central differences.
        let short = BFGS(valueTolerance: 1e-12, maximumIterations: 4)
        let objective = ConditionalSumOfSquares.Objective(Self.series, order: order)
        let rerun = ARIMAModel.conditionalFit(objective, start: start, optimiser: short)
        let differences = short.minimise(ConditionalSumOfSquares.Objective(Self.series, order: order).value, start: start)
        #expect(rerun.point == differences.point && rerun.iterations == 4)
        // On this series the seasonal AR coefficient runs to the unit circle: the exact run is still
        // going after 50 iterations, and the rerun with differences gives the result.
        let roomy = BFGS(valueTolerance: 1.5e-8)
        let crawling = ARIMAModel.conditionalFit(objective, start: start, optimiser: roomy)
        #expect(crawling.point == roomy.minimise(ConditionalSumOfSquares.Objective(Self.series, order: order).value, start: start).point)
        // An order that converges keeps the exact run's own result.
        let simple = ARIMAOrder(p: 2, d: 0, q: 1, constant: true)
        let exact = ARIMAModel.conditionalFit(ConditionalSumOfSquares.Objective(Self.series, order: simple),
                                              start: [0, 0, 0, 50], optimiser: roomy)
        let fresh = ConditionalSumOfSquares.Objective(Self.series, order: simple)
        var half = roomy
        half.maximumIterations = 50
        let direct = half.minimise(fresh.value, gradient: fresh.gradient, start: [0, 0, 0, 50])
        #expect(exact.iterations < 50)
        #expect(exact.point == direct.point)
    }

    @Test func noGradientWhereTheFitIsPerfectOrNotFinite() {
        // A pure AR(1) series with φ = 0.5 exactly: at φ = 0.5 every innovation is 0.
        var y: [Double] = [1]
        for _ in 1..<20 { y.append(0.5 * y[y.count - 1]) }
        let objective = ConditionalSumOfSquares.Objective(y, order: ARIMAOrder(p: 1, d: 0, q: 0))
        #expect(objective.value([0.5]) == -.infinity)
        #expect(objective.gradient([0.5]) == nil)
        #expect(objective.gradient([1e300]) == nil)
        #expect(objective.gradient([0.2]) != nil)
    }

    @Test(arguments: orders)
    func bfgsWithTheExactGradientReachesTheSameMinimum(order: ARIMAOrder) throws {
        let objective = ConditionalSumOfSquares.Objective(Self.series, order: order)
        let start = [Double](repeating: 0, count: order.armaCount) + (order.hasMean ? [50] : order.hasDrift ? [0.05] : [])
        let optimiser = BFGS(valueTolerance: 1e-12)
        let exact = optimiser.minimise(objective.value, gradient: objective.gradient, start: start)
        let differences = optimiser.minimise(objective.value, start: start)
        #expect(exact.value.isFinite)
        // Both stop on the value's relative change; the minima agree far below what moves an AICc.
        #expect(abs(exact.value - differences.value) <= 1e-7 * max(1, abs(differences.value)),
                "\(exact.value) against \(differences.value)")
    }

    @Test func bfgsUsesAGivenGradientAndFallsBackWithoutOne() {
        // f = (x − 1)² + 10(y + 2)²: exact gradients save the 2k evaluations per iteration.
        var evaluations = 0
        let f = { (x: [Double]) -> Double in
            evaluations += 1
            return (x[0] - 1) * (x[0] - 1) + 10 * (x[1] + 2) * (x[1] + 2)
        }
        let g = { (x: [Double]) -> [Double]? in [2 * (x[0] - 1), 20 * (x[1] + 2)] }
        let exact = BFGS().minimise(f, gradient: g, start: [0, 0])
        let exactEvaluations = evaluations
        evaluations = 0
        let refused = BFGS().minimise(f, gradient: { _ in nil }, start: [0, 0])
        let refusedEvaluations = evaluations
        evaluations = 0
        let differences = BFGS().minimise(f, start: [0, 0])
        for result in [exact, refused, differences] {
            #expect(abs(result.point[0] - 1) < 1e-5 && abs(result.point[1] + 2) < 1e-5)
        }
        #expect(refusedEvaluations == evaluations)
        #expect(exactEvaluations < evaluations)
    }
}
