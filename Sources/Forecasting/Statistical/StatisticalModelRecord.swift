import Foundation

/// One fitted statistical model as a model file records it: a JSON object in the metadata key
/// `statistical_models` (docs/model-format.md), with the parameters the forecast needs and nothing
/// the fit only used on its way (likelihoods, AICc).
struct StatisticalModelRecord: Codable, Hashable, Sendable {
    /// `ets`, `theta`, `arima` or `drift`.
    var model: String
    /// The season period the model was fitted with (1 for none).
    var period: Int
    // Exponential smoothing: "A,Ad,A" and the smoothing parameters and initial states.
    var form: String?
    var alpha: Double?
    var beta: Double?
    var gamma: Double?
    var phi: Double?
    var level: Double?
    var slope: Double?
    var season: [Double]?
    // Theta: the decomposition ("multiplicative", "additive", or absent) and ℓ₀ (α above).
    var decomposition: String?
    var initialLevel: Double?
    // ARIMA: p, d, q, P, D, Q, whether it has a constant, and its coefficients.
    var order: [Int]?
    var constant: Bool?
    var ar: [Double]?
    var ma: [Double]?
    var seasonalAR: [Double]?
    var seasonalMA: [Double]?
    var constantValue: Double?

    enum CodingKeys: String, CodingKey {
        case model, period, form, alpha, beta, gamma, phi, level, slope, season, decomposition
        case initialLevel = "initial_level", order, constant, ar, ma
        case seasonalAR = "seasonal_ar", seasonalMA = "seasonal_ma", constantValue = "constant_value"
    }

    init(_ fitted: FittedStatisticalModel) {
        model = fitted.model.rawValue
        switch fitted {
        case let .ets(fit):
            period = fit.period
            form = fit.model.description
            let p = fit.parameters
            (alpha, beta, gamma, phi, level, slope, season) = (p.alpha, p.beta, p.gamma, p.phi, p.level, p.slope, p.season)
        case let .theta(fit):
            period = fit.seasonPeriod
            decomposition = fit.decomposition?.rawValue
            alpha = fit.model.alpha
            initialLevel = fit.model.initialLevel
        case let .arima(fit):
            let o = fit.order
            period = o.period
            order = [o.p, o.d, o.q, o.seasonalP, o.seasonalD, o.seasonalQ]
            constant = o.constant
            let c = fit.coefficients
            (ar, ma, seasonalAR, seasonalMA, constantValue) = (c.ar, c.ma, c.seasonalAR, c.seasonalMA, c.constant)
        case .drift:
            period = 1
        }
    }

    /// The largest season period and ARIMA order a file may give, far above any fitted one, so a
    /// corrupt file fails with a message instead of asking for a huge state.
    static let largestPeriod = 10_000
    static let largestOrder = 50
    static let largestLagSpan = 1_000

    /// The fitted model back, every value checked: a problem is thrown as a clause naming the key.
    func restored() throws -> FittedStatisticalModel {
        guard period >= 1, period <= Self.largestPeriod else { throw Problem("'period' must be from 1 to \(Self.largestPeriod), not \(period)") }
        func number(_ value: Double?, _ key: String) throws -> Double {
            guard let value else { throw Problem("'\(key)' is missing") }
            guard value.isFinite else { throw Problem("'\(key)' is not finite") }
            return value
        }
        func numbers(_ values: [Double]?, _ key: String, count: Int) throws -> [Double] {
            let values = values ?? []
            guard values.count == count else { throw Problem("'\(key)' holds \(values.count) values, not \(count)") }
            guard values.allSatisfy(\.isFinite) else { throw Problem("'\(key)' holds a value that is not finite") }
            return values
        }
        switch StatisticalModel(rawValue: model) {
        case .ets:
            let parts = (form ?? "").split(separator: ",").map(String.init)
            guard parts.count == 3, parts[0] == "A", let trend = ExponentialSmoothingModel.Trend(rawValue: parts[1]),
                  let seasonKind = ExponentialSmoothingModel.Season(rawValue: parts[2]) else {
                throw Problem("'form' must name an additive-error model such as \"A,Ad,A\", not \"\(form ?? "")\"")
            }
            let form = ExponentialSmoothingModel(trend: trend, season: seasonKind)
            let seasonal = seasonKind == .additive
            guard !seasonal || period >= 2 else { throw Problem("a seasonal 'form' needs a 'period' of at least 2") }
            let parameters = ExponentialSmoothingParameters(
                alpha: try number(alpha, "alpha"), beta: try number(beta, "beta"), gamma: try number(gamma, "gamma"),
                phi: try number(phi, "phi"), level: try number(level, "level"), slope: try number(slope, "slope"),
                season: try numbers(season, "season", count: seasonal ? period : 0))
            return .ets(ExponentialSmoothingFit(restoring: form, period: period, parameters: parameters, count: 0))
        case .theta:
            var kind: ClassicalDecomposition.Kind?
            if let decomposition {
                guard let value = ClassicalDecomposition.Kind(rawValue: decomposition) else {
                    throw Problem("'decomposition' must be multiplicative or additive, not \"\(decomposition)\"")
                }
                kind = value
            }
            let model = StandardThetaModel(alpha: try number(alpha, "alpha"), initialLevel: try number(initialLevel, "initial_level"))
            return .theta(ThetaFit(seasonPeriod: period, decomposition: kind, model: model))
        case .arima:
            guard let order, order.count == 6, order.allSatisfy({ (0...Self.largestOrder).contains($0) }) else {
                throw Problem("'order' must hold p, d, q, P, D, Q, each from 0 to \(Self.largestOrder)")
            }
            guard period > 1 || order[3...].allSatisfy({ $0 == 0 }) else {
                throw Problem("a seasonal order needs a 'period' of at least 2")
            }
            // The state holds p + mP (and q + mQ, d + mD) lags; a real model holds a few dozen.
            guard [order[0] + period * order[3], order[2] + period * order[5], order[1] + period * order[4]]
                .allSatisfy({ $0 <= Self.largestLagSpan }) else {
                throw Problem("'order' with 'period' \(period) spans more than \(Self.largestLagSpan) lags")
            }
            let arimaOrder = ARIMAOrder(p: order[0], d: order[1], q: order[2], seasonalP: order[3], seasonalD: order[4],
                                        seasonalQ: order[5], period: period, constant: constant ?? false)
            let coefficients = ARIMACoefficients(
                ar: try numbers(ar, "ar", count: order[0]), ma: try numbers(ma, "ma", count: order[2]),
                seasonalAR: try numbers(seasonalAR, "seasonal_ar", count: order[3]),
                seasonalMA: try numbers(seasonalMA, "seasonal_ma", count: order[5]),
                constant: arimaOrder.hasMean || arimaOrder.hasDrift ? try number(constantValue, "constant_value") : 0)
            return .arima(ARIMAModel(order: arimaOrder, coefficients: coefficients, estimation: .conditionalThenMaximumLikelihood,
                                     negativeTwiceLogLikelihood: .nan, variance: .nan, count: 0))
        case .drift:
            return .drift
        case nil:
            throw Problem("'model' must be ets, theta, arima or drift, not \"\(model)\"")
        }
    }

    /// What is wrong with a record, as a clause.
    struct Problem: Error {
        let clause: String
        init(_ clause: String) { self.clause = clause }
    }
}
