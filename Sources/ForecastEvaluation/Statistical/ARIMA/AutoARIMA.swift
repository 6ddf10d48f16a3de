/// Automatic ARIMA ("arima"), matching statsforecast's `AutoARIMA(season_length=m)` with its defaults
/// (itself R's `forecast::auto.arima`; Hyndman & Khandakar 2008):
///
/// 1. D ∈ {0, 1} by the seasonal-strength heuristic (`SeasonalStrength`), when m > 1 and n > 2m;
/// 2. d ∈ {0, 1, 2} by repeated KPSS tests at 5 % on the seasonally differenced series (`KPSSTest`);
/// 3. p, q ≤ 5 (and < m), P, Q ≤ 2 and the constant (a mean when d + D = 0, a drift when d + D = 1)
///    by the stepwise AICc search (`ARIMASearch`), each order fitted by CSS-ML (`ARIMAModel`).
///
/// When the differenced series is constant the model is that difference equation, its constant the
/// mean difference, as statsforecast does.
///
/// Each order is fitted by `estimation`. The default, `.statsforecast`, reproduces what statsforecast
/// 2.1.1 computes: for d + D > 0 its likelihood optimiser is defeated by a reused prior and stops at the
/// CSS estimates (`ARIMAEstimation.statsforecast`), which are then scored by their exact likelihood.
/// `.conditionalThenMaximumLikelihood` maximises the exact likelihood as R's `arima` does; its seasonal
/// MA estimates on short seasonal series often reach the unit circle, where the search's 1.01 root rule
/// rejects them.
public struct ARIMA: ForecastingMethod {
    /// The season period m in steps (12 for monthly data with a yearly season; 1 for none).
    public let seasonPeriod: Int
    public let estimation: ARIMAEstimation
    public let optimiser: BFGS

    /// Search with conditional-sum-of-squares fits and refit the leaders by likelihood (`ARIMASearch`):
    /// R's default for long or finely seasonal series (`longSeries`), off by default as in statsforecast.
    public var approximate = false

    /// R's `auto.arima` searches approximately above this many values or a season above 12: there
    /// each exact likelihood costs a Kalman pass over a long series or a large state.
    public static func longSeries(count: Int, seasonPeriod: Int) -> Bool { count > 150 || seasonPeriod > 12 }

    public init(seasonPeriod: Int, estimation: ARIMAEstimation = .statsforecast, optimiser: BFGS = BFGS()) {
        precondition(seasonPeriod >= 1, "the season period must be at least 1")
        self.seasonPeriod = seasonPeriod
        self.estimation = estimation
        self.optimiser = optimiser
    }

    public var name: String { "arima" }
    /// Five values: an ARIMA(0,1,1) with drift then has three free values and a defined AICc.
    public var minimumHistory: Int { 5 }

    /// The chosen differences (d, D) for `history`, as statsforecast's `ndiffs` and `nsdiffs` choose them.
    public func differences(_ history: [Double]) -> (d: Int, seasonalD: Int) {
        var seasonalD = seasonPeriod > 1 ? SeasonalStrength.seasonalDifferences(history, period: seasonPeriod) : 0
        if seasonalD > 0 && Differencing.difference(history, lag: seasonPeriod).isEmpty { seasonalD = 0 }
        let seasonal = seasonalD > 0 ? Differencing.difference(history, lag: seasonPeriod) : history
        var d = KPSSTest.differences(seasonal)
        if d > 0 && Differencing.difference(seasonal, times: d).isEmpty { d -= 1 }
        return (d, seasonalD)
    }

    public func fit(history: [Double]) throws -> ARIMAModel {
        guard history.count >= minimumHistory else {
            throw BaselineError.historyTooShort(method: name, needed: minimumHistory, available: history.count)
        }
        guard history.allSatisfy(\.isFinite) else {
            throw BaselineError.unusableHistory(method: name, reason: "it holds a value that is not a finite number")
        }
        guard !KPSSTest.isConstant(history) else {
            throw BaselineError.unusableHistory(method: name, reason: "it is constant")
        }
        let (d, seasonalD) = differences(history)
        let m = seasonalD > 0 ? seasonPeriod : 1
        let differenced = Differencing.difference(Differencing.difference(history, lag: seasonPeriod, times: seasonalD), times: d)
        guard !differenced.isEmpty else {
            throw BaselineError.historyTooShort(method: name, needed: d + seasonalD * seasonPeriod + 1, available: history.count)
        }
        if KPSSTest.isConstant(differenced) {
            // A difference equation; the mean difference is the drift when d + D = 1 (per step: Dm = m steps).
            let constant = d + seasonalD == 1
            let order = ARIMAOrder(p: 0, d: d, q: 0, seasonalD: seasonalD, period: m, constant: constant)
            let step = differenced[0] / Double(seasonalD > 0 ? seasonPeriod : 1)
            let coefficients = ARIMACoefficients(constant: constant ? step : 0)
            let value = ARIMAModel.negativeTwiceLogLikelihood(of: coefficients, order: order, values: history) ?? .infinity
            return ARIMAModel(order: order, coefficients: coefficients, estimation: .conditionalThenMaximumLikelihood,
                              negativeTwiceLogLikelihood: value, variance: 0, count: history.count)
        }
        var search = ARIMASearch(period: seasonPeriod, optimiser: optimiser)
        search.estimation = estimation
        search.approximate = approximate
        guard let model = search.run(history, d: d, seasonalD: seasonalD) else {
            throw BaselineError.unusableHistory(method: name, reason: "no ARIMA order fits it")
        }
        return model
    }
}
