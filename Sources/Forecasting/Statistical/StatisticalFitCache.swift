/// The statistical models of one series, each fitted at most once on each stretch of it, however
/// many fits of the series compare them (a fit with and one without optional columns share the split).
/// Used by one fit at a time, on one thread.
final class StatisticalFitCache {
    /// A stretch of the series is named by its length: every fit of one series passes stretches
    /// that start at the same row.
    private struct Key: Hashable {
        let count: Int
        let model: StatisticalModel
    }
    /// nil records a model that could not be fitted.
    private var searched: [Key: FittedStatisticalModel?] = [:]
    private var refitted: [Key: FittedStatisticalModel?] = [:]

    /// Every statistical model that fits `values` with season period `seasonPeriod`.
    func fits(of values: [Double], seasonPeriod: Int) -> [FittedStatisticalModel] {
        StatisticalModel.allCases.compactMap { model in
            Self.remembered(in: &searched, Key(count: values.count, model: model)) {
                try? model.fit(values: values, seasonPeriod: seasonPeriod)
            }
        }
    }

    /// `fitted` refitted on `values` with its structure kept (see `FittedStatisticalModel.refitted(on:)`).
    func refit(_ fitted: FittedStatisticalModel, on values: [Double]) -> FittedStatisticalModel? {
        Self.remembered(in: &refitted, Key(count: values.count, model: fitted.model)) { fitted.refitted(on: values) }
    }

    private static func remembered(in table: inout [Key: FittedStatisticalModel?], _ key: Key,
                                   _ make: () -> FittedStatisticalModel?) -> FittedStatisticalModel? {
        if let known = table[key] { return known }
        let value = make()
        table[key] = value
        return value
    }
}
