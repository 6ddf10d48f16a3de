import Foundation

/// The stepwise search of Hyndman & Khandakar (2008, "Automatic time series forecasting: the forecast
/// package for R", J. Stat. Softw. 27(3), §3.2) over p, q, P, Q and the constant, for given d and D,
/// by AICc, as statsforecast's `auto_arima_f` runs it with its defaults.
///
/// It fits ARIMA(2,d,2)(1,D,1), (0,d,0)(0,D,0), (1,d,0)(1,D,0), (0,d,1)(0,D,1) and the null model
/// without constant, then moves to the best neighbour — P, Q, then p, q changed by one alone or
/// together, then the constant toggled — until no neighbour improves, fitting at most 94 models.
/// Each order is fitted by `estimation` (statsforecast's CSS-ML by default). With `approximate` (R's default for n > 150 or m > 12; off in
/// statsforecast's `AutoARIMA`, and here by default) the search uses CSS fits and an approximate AICc
/// (the null model's likelihood offset plus n*·log σ²_CSS), then refits the candidates by CSS-ML in
/// order of that AICc and keeps the first that is admissible.
/// A fit is inadmissible (AICc = +∞) when a root of its AR or MA polynomial lies within 1.01 of the
/// unit circle.
struct ARIMASearch {
    let period: Int
    var maximumP = 5, maximumQ = 5, maximumSeasonalP = 2, maximumSeasonalQ = 2
    var startP = 2, startQ = 2, startSeasonalP = 1, startSeasonalQ = 1
    var maximumModels = 94
    var approximate = false
    /// How each order is fitted (statsforecast's effective CSS-ML by default).
    var estimation: ARIMAEstimation = .statsforecast
    let optimiser: BFGS
    /// Called with every order fitted and its criterion (for tracing the search).
    var trace: ((ARIMAOrder, Double) -> Void)?

    /// One candidate: the orders searched over and whether it has a constant.
    struct Candidate: Hashable {
        var p: Int, q: Int, seasonalP: Int, seasonalQ: Int
        var constant: Bool
    }

    /// The criterion of one fitted candidate.
    struct Scored {
        let model: ARIMAModel?
        let criterion: Double
    }

    /// The best model for `values` with `d` and `seasonalD` differences; nil when none is admissible.
    func run(_ values: [Double], d: Int, seasonalD: Int) -> ARIMAModel? {
        let n = values.count
        let m = period
        var maxP = min(maximumP, n / 3), maxQ = min(maximumQ, n / 3)
        var maxSP = m > 1 ? min(maximumSeasonalP, n / 3 / m) : 0
        var maxSQ = m > 1 ? min(maximumSeasonalQ, n / 3 / m) : 0
        if m > 1 {
            if maxP > 0 { maxP = min(maxP, m - 1) }
            if maxQ > 0 { maxQ = min(maxQ, m - 1) }
        } else {
            maxSP = 0
            maxSQ = 0
        }
        let estimation: ARIMAEstimation = approximate ? .conditionalSumOfSquares : self.estimation
        // The refits below start from the CSS fits of the search: run each once.
        let conditionalFits = ARIMAModel.ConditionalFits()
        let offset = approximate ? Self.offset(values, d: d, seasonalD: seasonalD, period: m, optimiser: optimiser) : 0
        let allowsConstant = d + seasonalD <= 1
        let short = n < 10
        var p = min(short ? min(startP, 1) : startP, maxP)
        var q = min(short ? min(startQ, 1) : startQ, maxQ)
        var sp = min(short ? 0 : startSeasonalP, maxSP)
        var sq = min(short ? 0 : startSeasonalQ, maxSQ)
        var constant = allowsConstant

        var tried: [(candidate: Candidate, criterion: Double)] = []
        var best = Scored(model: nil, criterion: .infinity)
        func order(_ c: Candidate) -> ARIMAOrder {
            ARIMAOrder(p: c.p, d: d, q: c.q, seasonalP: c.seasonalP, seasonalD: seasonalD, seasonalQ: c.seasonalQ,
                       period: c.seasonalP + seasonalD + c.seasonalQ > 0 ? m : 1, constant: c.constant)
        }
        /// Fits `c` unless tried; true when it beats the best so far.
        @discardableResult
        func attempt(_ c: Candidate) -> Bool {
            guard tried.count < maximumModels, !tried.contains(where: { $0.candidate == c }) else { return false }
            let scored = Self.score(values, order: order(c), estimation: estimation, offset: offset, optimiser: optimiser,
                                    remembering: conditionalFits)
            tried.append((c, scored.criterion))
            trace?(order(c), scored.criterion)
            guard scored.criterion < best.criterion else { return false }
            best = scored
            return true
        }

        attempt(Candidate(p: p, q: q, seasonalP: sp, seasonalQ: sq, constant: constant))
        if attempt(Candidate(p: 0, q: 0, seasonalP: 0, seasonalQ: 0, constant: constant)) { (p, q, sp, sq) = (0, 0, 0, 0) }
        if maxP > 0 || maxSP > 0 {
            let (ar, sar) = (maxP > 0 ? 1 : 0, m > 1 && maxSP > 0 ? 1 : 0)
            if attempt(Candidate(p: ar, q: 0, seasonalP: sar, seasonalQ: 0, constant: constant)) { (p, q, sp, sq) = (ar, 0, sar, 0) }
        }
        if maxQ > 0 || maxSQ > 0 {
            let (ma, sma) = (maxQ > 0 ? 1 : 0, m > 1 && maxSQ > 0 ? 1 : 0)
            if attempt(Candidate(p: 0, q: ma, seasonalP: 0, seasonalQ: sma, constant: constant)) { (p, q, sp, sq) = (0, ma, 0, sma) }
        }
        // The null model without its constant; the search itself keeps the constant (R and statsforecast alike).
        if constant, attempt(Candidate(p: 0, q: 0, seasonalP: 0, seasonalQ: 0, constant: false)) { (p, q, sp, sq) = (0, 0, 0, 0) }

        // The neighbours in statsforecast's order: (Δp, Δq, ΔP, ΔQ), then the constant toggled.
        let moves: [(Int, Int, Int, Int)] = [
            (0, 0, -1, 0), (0, 0, 0, -1), (0, 0, 1, 0), (0, 0, 0, 1),
            (0, 0, -1, -1), (0, 0, -1, 1), (0, 0, 1, -1), (0, 0, 1, 1),
            (-1, 0, 0, 0), (0, -1, 0, 0), (1, 0, 0, 0), (0, 1, 0, 0),
            (-1, -1, 0, 0), (-1, 1, 0, 0), (1, -1, 0, 0), (1, 1, 0, 0),
        ]
        var passStart = -1
        search: while passStart < tried.count && tried.count < maximumModels {
            passStart = tried.count
            for (dp, dq, dsp, dsq) in moves {
                let next = (p + dp, q + dq, sp + dsp, sq + dsq)
                guard (0...maxP).contains(next.0), (0...maxQ).contains(next.1),
                      (0...maxSP).contains(next.2), (0...maxSQ).contains(next.3) else { continue }
                if attempt(Candidate(p: next.0, q: next.1, seasonalP: next.2, seasonalQ: next.3, constant: constant)) {
                    (p, q, sp, sq) = next
                    continue search
                }
            }
            if allowsConstant, attempt(Candidate(p: p, q: q, seasonalP: sp, seasonalQ: sq, constant: !constant)) {
                constant.toggle()
                continue search
            }
        }

        guard approximate else { return best.criterion.isFinite ? best.model : nil }
        // Refit the candidates by CSS-ML, best approximate AICc first; the first admissible one wins.
        for entry in tried.enumerated().sorted(by: { ($0.element.criterion, $0.offset) < ($1.element.criterion, $1.offset) }) {
            let refit = Self.score(values, order: order(entry.element.candidate), estimation: self.estimation,
                                   offset: 0, optimiser: optimiser, remembering: conditionalFits)
            if refit.criterion.isFinite { return refit.model }
        }
        return best.criterion.isFinite ? best.model : nil
    }

    /// statsforecast's offset of the approximate criterion: −2 log L − n·log σ² of the CSS fit of
    /// ARIMA(0,d,0)(0,D,0) (with a mean when undifferenced); 0 when that fit fails.
    static func offset(_ values: [Double], d: Int, seasonalD: Int, period m: Int, optimiser: BFGS) -> Double {
        let order = ARIMAOrder(p: 0, d: d, q: 0, seasonalD: seasonalD, period: seasonalD > 0 ? m : 1, constant: d + seasonalD == 0)
        guard let fit = ARIMAModel.fit(values, order: order, estimation: .conditionalSumOfSquares, optimiser: optimiser),
              fit.variance > 0 else { return 0 }
        return fit.negativeTwiceLogLikelihood - Double(values.count) * log(fit.variance)
    }

    /// Fits `order` and scores it by AICc (approximate for CSS), +∞ when the fit fails or a root is
    /// too close to the unit circle.
    static func score(_ values: [Double], order: ARIMAOrder, estimation: ARIMAEstimation, offset: Double,
                      optimiser: BFGS, remembering memory: ARIMAModel.ConditionalFits? = nil) -> Scored {
        guard let model = ARIMAModel.fit(values, order: order, estimation: estimation, optimiser: optimiser,
                                         remembering: memory) else {
            return Scored(model: nil, criterion: .infinity)
        }
        let aic: Double
        if estimation == .conditionalSumOfSquares {
            guard model.variance > 0 else { return Scored(model: model, criterion: .infinity) }
            aic = offset + Double(model.effectiveCount) * log(model.variance) + 2 * Double(model.parameterCount)
        } else {
            aic = model.aic
        }
        var criterion = ARIMAModel.corrected(aic, parameters: model.parameterCount, count: model.effectiveCount)
        if !criterion.isFinite { return Scored(model: model, criterion: .infinity) }
        let c = model.coefficients
        if !admissible(c.expandedAR(period: order.period)) || !admissible(c.expandedMA(period: order.period).map { -$0 }) {
            criterion = .infinity
        }
        return Scored(model: model, criterion: criterion)
    }

    /// Whether every root of 1 − Σ aᵢ zⁱ lies beyond 1.01. As in statsforecast, a polynomial whose only
    /// coefficient above 10⁻⁸ is the first is not tested (its index check is 0-based where R's is 1-based).
    static func admissible(_ a: [Double]) -> Bool {
        guard let last = a.lastIndex(where: { abs($0) > 1e-8 }), last > 0 else { return true }
        return StationarityTransform.rootsExceed(1.01, coefficients: a)
    }
}
