/// Automatic exponential smoothing ("ets"): fits every candidate additive-error model
/// (`ExponentialSmoothingModel.all` by default) by maximum likelihood and keeps the one with the
/// lowest AICc, as statsforecast's `AutoETS(model="AZZ")` does.
///
/// Seasonal models are candidates only when the season period m > 1 and the history holds at least
/// two full seasons (n ≥ 2m); with fewer than three, their seasonal states start from a harmonic
/// regression instead of a classical decomposition (`ExponentialSmoothingInitialisation`).
public struct ExponentialSmoothing: ForecastingMethod {
    /// The season period m in steps (12 for monthly data with a yearly season; 1 for none).
    public let seasonPeriod: Int
    /// The models compared.
    public let candidates: [ExponentialSmoothingModel]
    public let optimiser: NelderMead

    public init(seasonPeriod: Int, candidates: [ExponentialSmoothingModel] = ExponentialSmoothingModel.all,
                optimiser: NelderMead = NelderMead()) {
        precondition(seasonPeriod >= 1, "the season period must be at least 1")
        precondition(!candidates.isEmpty, "at least one model must be a candidate")
        self.seasonPeriod = seasonPeriod
        self.candidates = candidates
        self.optimiser = optimiser
    }

    public var name: String { "ets" }
    /// Five values: the simple model's three free values (α, ℓ₀, σ²) leave AICc defined.
    public var minimumHistory: Int { 5 }

    /// The candidates a history of `count` values can fit.
    public func admissibleCandidates(count: Int) -> [ExponentialSmoothingModel] {
        candidates.filter { !$0.isSeasonal || (seasonPeriod > 1 && count >= 2 * seasonPeriod) }
    }

    public func fit(history: [Double]) throws -> ExponentialSmoothingFit {
        guard history.count >= minimumHistory else {
            throw BaselineError.historyTooShort(method: name, needed: minimumHistory, available: history.count)
        }
        var best: ExponentialSmoothingFit?
        for model in admissibleCandidates(count: history.count) {
            guard let fit = ExponentialSmoothingFit(model: model, values: history, period: seasonPeriod,
                                                    optimiser: optimiser) else { continue }
            if fit.aicc < (best?.aicc ?? .infinity) { best = fit }
        }
        guard let best else {
            throw BaselineError.historyTooShort(method: name, needed: minimumHistory + 1, available: history.count)
        }
        return best
    }
}

/// Filtering a history that starts where the fitted history started, from the fitted initial states.
extension ExponentialSmoothingFit: FittedForecastingModel {}
