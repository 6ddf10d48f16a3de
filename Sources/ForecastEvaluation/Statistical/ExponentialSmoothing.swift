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

    /// Models whose one-start AICc is within this of the best are refitted from every start.
    static let refinementMargin = 4.0
    /// Whether the leaders are searched again from every start (off: one start per model, as
    /// statsforecast fits them, at a third of the cost).
    public var refinesLeaders = true

    public var name: String { "ets" }
    /// Five values: the simple model's three free values (α, ℓ₀, σ²) leave AICc defined.
    public var minimumHistory: Int { 5 }

    /// The candidates a history of `count` values can fit.
    public func admissibleCandidates(count: Int) -> [ExponentialSmoothingModel] {
        candidates.filter { !$0.isSeasonal || (seasonPeriod > 1 && count / 2 >= seasonPeriod) }  // no 2·m to overflow
    }

    public func fit(history: [Double]) throws -> ExponentialSmoothingFit {
        guard history.count >= minimumHistory else {
            throw BaselineError.historyTooShort(method: name, needed: minimumHistory, available: history.count)
        }
        // Rank every model from one start, then search the leaders from every start: the extra
        // starts move −2 log L by a few units at most, so only models within `refinementMargin` of the
        // best AICc can change places, and the others are not worth three more simplex runs.
        let quick = admissibleCandidates(count: history.count).compactMap {
            ExponentialSmoothingFit(model: $0, values: history, period: seasonPeriod, optimiser: optimiser, everyStart: false)
        }
        guard let leader = quick.map(\.aicc).min() else {
            // Enough values, none fitted: the likelihood overflowed (values near the largest doubles).
            throw BaselineError.unusableHistory(method: name, reason: "no exponential smoothing model has a finite likelihood on it; values this large or spread need rescaling")
        }
        var best: ExponentialSmoothingFit?
        for fit in quick {
            let refined = refinesLeaders && fit.aicc <= leader + Self.refinementMargin
                ? ExponentialSmoothingFit(model: fit.model, values: history, period: seasonPeriod, optimiser: optimiser) ?? fit
                : fit
            if refined.aicc < (best?.aicc ?? .infinity) { best = refined }
        }
        return best!
    }
}

/// Filtering a history that starts where the fitted history started, from the fitted initial states.
extension ExponentialSmoothingFit: FittedForecastingModel {}
