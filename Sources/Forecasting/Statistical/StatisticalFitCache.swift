/// The statistical models of one series, each fitted at most once on each stretch of it, however
/// many fits of the series compare them (a fit with and one without optional columns share the split).
/// Used by one fit at a time, on one thread.
final class StatisticalFitCache {
    private struct Key: Hashable {
        let count: Int
        let seasonPeriod: Int
        let model: StatisticalModel
    }
    /// nil records a model that could not be fitted.
    private var fitted: [Key: FittedStatisticalModel?] = [:]

    /// `fitted` refitted on `values` with its structure kept (see `FittedStatisticalModel.refitted(on:)`),
    /// once per model and stretch.
    func refit(_ fitted: FittedStatisticalModel, on values: [Double]) -> FittedStatisticalModel? {
        let key = Key(count: values.count, seasonPeriod: -1, model: fitted.model)
        if let known = refits[key] { return known }
        let refit = fitted.refitted(on: values)
        refits[key] = refit
        return refit
    }
    private var refits: [Key: FittedStatisticalModel?] = [:]

    /// The models of `models` that fit `values` (its first values: every call for one series passes a
    /// prefix of the same series, so the length identifies the stretch).
    func fits(of values: [Double], seasonPeriod: Int, models: [StatisticalModel] = StatisticalModel.allCases) -> [FittedStatisticalModel] {
        models.compactMap { model in
            let key = Key(count: values.count, seasonPeriod: seasonPeriod, model: model)
            if let known = fitted[key] { return known }
            let fit = try? model.fit(values: values, seasonPeriod: seasonPeriod)
            fitted[key] = fit
            return fit
        }
    }
}
