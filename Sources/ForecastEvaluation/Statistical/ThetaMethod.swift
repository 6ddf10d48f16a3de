/// The theta method ("theta"), matching statsforecast's `Theta(season_length=m)`: the standard theta
/// model (STM, θ = 2, `StandardThetaModel`) on the series deseasonalised by classical multiplicative
/// decomposition when `SeasonalityTest` finds the lag-m autocorrelation significant at 90 % (tested when
/// m ≥ 4 and n ≥ 2m). The
/// decomposition is additive instead when a value is not positive or a seasonal index falls below
/// 0.01. The forecasts are then reseasonalised with the indices of the last full season, repeated.
public struct ThetaMethod: ForecastingMethod {
    /// The season period m in steps; 1, 2 or 3 never deseasonalise.
    public let seasonPeriod: Int
    public let optimiser: NelderMead

    public init(seasonPeriod: Int, optimiser: NelderMead = NelderMead()) {
        precondition(seasonPeriod >= 1, "the season period must be at least 1")
        self.seasonPeriod = seasonPeriod
        self.optimiser = optimiser
    }

    public var name: String { "theta" }
    /// Five values: the error of the fourth and later one-step forecasts is what is fitted.
    public var minimumHistory: Int { 5 }

    public func fit(history: [Double]) throws -> ThetaFit {
        guard history.count >= minimumHistory else {
            throw BaselineError.historyTooShort(method: name, needed: minimumHistory, available: history.count)
        }
        var decomposition: ClassicalDecomposition.Kind?
        // statsforecast tests only when m ≥ 4 and the history holds two full seasons.
        if seasonPeriod >= 4, SeasonalityTest.isSeasonal(history, period: seasonPeriod, minimumSeasons: 2) {
            let positive = history.allSatisfy { $0 > 0 }
            decomposition = positive ? .multiplicative : .additive
            if positive, ClassicalDecomposition.seasonalIndices(history, period: seasonPeriod, kind: .multiplicative)
                .contains(where: { $0 < 0.01 }) {
                decomposition = .additive
            }
        }
        let adjusted = ThetaFit.deseasonalised(history, period: seasonPeriod, decomposition: decomposition).values
        let (model, mse) = StandardThetaModel.fit(adjusted, optimiser: optimiser)
        return ThetaFit(seasonPeriod: seasonPeriod, decomposition: decomposition, model: model, meanSquaredError: mse)
    }
}

/// A fitted theta method: the decomposition chosen and the standard theta model of the adjusted series.
public struct ThetaFit: FittedForecastingModel, Hashable {
    public let seasonPeriod: Int
    /// nil when the series was not found seasonal.
    public let decomposition: ClassicalDecomposition.Kind?
    public let model: StandardThetaModel
    /// The in-sample mean squared one-step error of the adjusted series (from the fourth value on).
    public let meanSquaredError: Double?

    public init(seasonPeriod: Int, decomposition: ClassicalDecomposition.Kind?, model: StandardThetaModel, meanSquaredError: Double? = nil) {
        self.seasonPeriod = seasonPeriod
        self.decomposition = decomposition
        self.model = model
        self.meanSquaredError = meanSquaredError
    }

    /// The adjusted values and the m seasonal indices (the first for the first value's season).
    static func deseasonalised(_ history: [Double], period m: Int, decomposition: ClassicalDecomposition.Kind?)
        -> (values: [Double], indices: [Double]) {
        guard let decomposition else { return (history, []) }
        let indices = ClassicalDecomposition.seasonalIndices(history, period: m, kind: decomposition)
        let values = history.indices.map { t in
            decomposition == .additive ? history[t] - indices[t % m] : history[t] / indices[t % m]
        }
        return (values, indices)
    }

    /// `history` deseasonalised by `decomposition` with indices computed on it (two full seasons needed
    /// when there is one).
    public static func deseasonalisedValues(_ history: [Double], period m: Int, decomposition: ClassicalDecomposition.Kind?) -> [Double] {
        deseasonalised(history, period: m, decomposition: decomposition).values
    }

    /// Deseasonalises `history` the way the fit did (indices recomputed on it), forecasts the adjusted
    /// series with the fitted ℓ₀ and α, and puts the season back. A deseasonalising fit needs two
    /// full seasons of `history` to recompute the indices, and throws `historyTooShort` on fewer
    /// (a calibration cut-off can fall that early).
    public func forecast(after history: [Double], horizon: Int) throws -> [Double] {
        precondition(horizon >= 1, "the horizon must be at least 1")
        if decomposition != nil, history.count < 2 * seasonPeriod {
            throw BaselineError.historyTooShort(method: "theta", needed: 2 * seasonPeriod, available: history.count)
        }
        let (values, indices) = Self.deseasonalised(history, period: seasonPeriod, decomposition: decomposition)
        let adjusted = model.forecast(after: values, horizon: horizon)
        guard let decomposition else { return adjusted }
        return adjusted.indices.map { k in
            let index = indices[(history.count + k) % seasonPeriod]
            return decomposition == .additive ? adjusted[k] + index : adjusted[k] * index
        }
    }
}
