import Foundation

/// One exponential smoothing model fitted by maximum likelihood.
///
/// With Gaussian additive errors the likelihood, maximised over σ², is −2 log L = n·log(Σ e²) up to a
/// constant that every model shares; that is the value minimised over (α, β, γ, φ, ℓ₀, b₀, s₁…s_{m−1})
/// by `NelderMead` inside `ExponentialSmoothingBounds` (+∞ outside). The last seasonal state is not
/// free: it makes the m initial states sum to zero. The information criterion is
/// AICc = −2 log L + 2k + 2k(k+1)/(n − k − 1), with k the free values plus one for σ², as statsforecast
/// and R's `forecast::ets` count them.
public struct ExponentialSmoothingFit: Hashable, Sendable {
    public let model: ExponentialSmoothingModel
    public let period: Int
    public let parameters: ExponentialSmoothingParameters
    /// n·log(Σ e²).
    public let negativeTwiceLogLikelihood: Double
    /// Free values plus one for σ².
    public let parameterCount: Int
    public let aicc: Double
    /// The observations fitted on.
    public let count: Int

    /// Fits `model` on `values`; nil when it has as many free values as observations less one.
    /// - Parameter everyStart: run the simplex from every start below (the default), or from
    ///   statsforecast's start alone, about a third of the work, to rank models before refining the best.
    public init?(model: ExponentialSmoothingModel, values: [Double], period: Int,
                 optimiser: NelderMead = NelderMead(), everyStart: Bool = true) {
        let m = model.isSeasonal ? period : 1
        let start = ExponentialSmoothingInitialisation.parameters(model, values: values, period: period)
        let layout = ExponentialSmoothingLayout(model: model, period: m)
        guard layout.count < values.count - 1 else { return nil }
        let bounds = ExponentialSmoothingBounds(model: model, period: period)
        let objective = { (x: [Double]) -> Double in
            let p = layout.parameters(from: x)
            guard bounds.accepts(p) else { return .infinity }
            return Self.criterion(p, values: values)
        }
        let spread = (values.max()! - values.min()!)
        // The likelihood has several local minima in (α, β, γ, φ); statsforecast's start α₀ is small
        // for seasonal models, so larger starting α — and for seasonal models a large γ — are tried
        // too (same β₀, φ₀ and states), keeping the best end point.
        var starts = [(start.alpha, start.gamma)]
        if everyStart {
            starts += [(0.5, start.gamma), (0.9, start.gamma)]
            if model.isSeasonal { starts.append((0.3, min(0.6, bounds.gammaUpper))) }
        }
        var best: NelderMead.Result?
        for (alpha, gamma) in starts {
            var p = start
            p.alpha = alpha
            p.gamma = gamma
            let x0 = layout.vector(from: p)
            guard objective(x0).isFinite else { continue }
            let steps = layout.steps(around: x0, bounds: bounds, scale: max(spread, 1e-8))
            let result = optimiser.minimise(objective, start: x0, steps: steps)
            if result.value < (best?.value ?? .infinity) { best = result }
        }
        guard let best, best.value.isFinite else { return nil }
        self.model = model
        self.period = m
        parameters = layout.parameters(from: best.point)
        negativeTwiceLogLikelihood = best.value
        count = values.count
        parameterCount = layout.count + 1
        let n = Double(values.count), k = Double(parameterCount)
        let aic = best.value + 2 * k
        aicc = n - k - 1 != 0 ? aic + 2 * k * (k + 1) / (n - k - 1) : .infinity
    }

    /// A fit restored from its recorded model and parameters (a model file): it forecasts as the
    /// original did; the likelihood and AICc were not recorded and are NaN.
    public init(restoring model: ExponentialSmoothingModel, period: Int, parameters: ExponentialSmoothingParameters, count: Int) {
        self.model = model
        self.period = model.isSeasonal ? period : 1
        self.parameters = parameters
        negativeTwiceLogLikelihood = .nan
        parameterCount = ExponentialSmoothingLayout(model: model, period: self.period).count + 1
        aicc = .nan
        self.count = count
    }

    /// n·log(Σ e²) of `parameters` on `values`, floored at −10¹⁰ for a perfect fit (as statsforecast).
    static func criterion(_ parameters: ExponentialSmoothingParameters, values: [Double]) -> Double {
        var filter = ExponentialSmoothingFilter(parameters)
        guard let sse = filter.filter(values) else { return .infinity }
        let value = Double(values.count) * log(sse)
        return value.isNaN ? .infinity : max(value, -1e10)
    }

    /// The forecast of the `horizon` values after `history`, filtered from the fitted initial states.
    public func forecast(after history: [Double], horizon: Int) -> [Double] {
        precondition(horizon >= 1, "the horizon must be at least 1")
        var filter = ExponentialSmoothingFilter(parameters)
        _ = filter.filter(history)
        return filter.forecast(horizon: horizon)
    }
}

/// Where each free value sits in the optimiser's vector: [α, β?, γ?, φ?, ℓ₀, b₀?, s₁ … s_{m−1}?].
struct ExponentialSmoothingLayout {
    let model: ExponentialSmoothingModel
    let period: Int

    var smoothingCount: Int { 1 + (model.hasTrend ? 1 : 0) + (model.isSeasonal ? 1 : 0) + (model.isDamped ? 1 : 0) }
    var count: Int { smoothingCount + 1 + (model.hasTrend ? 1 : 0) + (model.isSeasonal ? period - 1 : 0) }

    func vector(from p: ExponentialSmoothingParameters) -> [Double] {
        var x = [p.alpha]
        if model.hasTrend { x.append(p.beta) }
        if model.isSeasonal { x.append(p.gamma) }
        if model.isDamped { x.append(p.phi) }
        x.append(p.level)
        if model.hasTrend { x.append(p.slope) }
        if model.isSeasonal { x += p.season[1...] }
        return x
    }

    func parameters(from x: [Double]) -> ExponentialSmoothingParameters {
        var i = 0
        func next() -> Double { defer { i += 1 }; return x[i] }
        var p = ExponentialSmoothingParameters(alpha: next(), level: 0)
        if model.hasTrend { p.beta = next() }
        if model.isSeasonal { p.gamma = next() }
        if model.isDamped { p.phi = next() }
        p.level = next()
        if model.hasTrend { p.slope = next() }
        if model.isSeasonal {
            // One array for the states (this runs for every point a simplex tries); the sum is taken
            // in the order `reduce(0, +)` takes it.
            var total = 0.0
            for value in x[i...] { total += value }
            let first = i
            p.season = [Double](unsafeUninitializedCapacity: x.count - first + 1) { buffer, count in
                buffer[0] = -total
                for k in first..<x.count { buffer[k - first + 1] = x[k] }
                count = x.count - first + 1
            }
        }
        return p
    }

    /// The initial simplex' edges: a tenth of each smoothing parameter's range, and a tenth of the
    /// larger of a state's size and the data's range for the states, so no edge is zero.
    func steps(around x: [Double], bounds: ExponentialSmoothingBounds, scale: Double) -> [Double] {
        var steps: [Double] = [0.1 * (0.9999 - 1e-4)]
        if model.hasTrend { steps.append(0.1 * (bounds.betaUpper - 1e-4)) }
        if model.isSeasonal { steps.append(0.1 * (bounds.gammaUpper - 1e-4)) }
        if model.isDamped { steps.append(0.1 * (0.98 - 0.8)) }
        for value in x[smoothingCount...] { steps.append(0.1 * max(abs(value), 0.1 * scale)) }
        return steps
    }
}
