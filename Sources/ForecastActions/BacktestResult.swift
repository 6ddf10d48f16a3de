import Forecasting

/// A backtest as a value: every method's folds (forecasts, actuals, intervals) and scores on the
/// same cut-offs, with what a script needs to read them — the column, frequency, horizon and the
/// season of the scaled metrics.
public struct BacktestResult: Codable, Hashable, Sendable {
    /// One method's folds and score.
    public struct Model: Codable, Hashable, Sendable {
        public var name: String
        /// True for the simple forecasts the model is measured against.
        public var isBaseline: Bool
        public var score: BacktestScore
        public var folds: [FoldForecast]

        /// What forecast on each fold, for a method that chooses per fit (the automatic method);
        /// nil for a method that is always itself.
        public var foldMethods: [String]? {
            let methods = folds.compactMap(\.method)
            return methods.count == folds.count && !methods.isEmpty ? methods : nil
        }

        /// `naive ×3, network+naive ×2`: the methods of the folds, most frequent first; nil when the
        /// method does not choose.
        public var choiceSummary: String? {
            guard let methods = foldMethods else { return nil }
            let counts = Dictionary(methods.map { ($0, 1) }, uniquingKeysWith: +)
            let order = methods.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            return order.sorted { counts[$0]! > counts[$1]! }.map { "\($0) ×\(counts[$0]!)" }.joined(separator: ", ")
        }
    }

    public var column: String
    public var frequency: String
    public var horizon: Int
    /// The season period m of MASE, RMSSE and the seasonal-naive baseline.
    public var season: Int
    /// Each fold's first forecast row (0-based), as the plan cut the series: one row after the last
    /// row the methods saw (the `cutoff` of the `--forecasts` table, statsforecast's convention).
    public var firstForecastRows: [Int]
    /// Each fold's first target date in the input's style, or its row number when the series has no calendar.
    public var firstTargets: [String]
    /// How often the model was fitted again: `every fold`, `every 4 folds` or `once`.
    public var refit: String
    public var models: [Model]

    enum CodingKeys: String, CodingKey {
        case column, frequency, horizon, season, firstForecastRows = "first_forecast_rows", firstTargets = "first_targets", refit, models
    }

    /// The results of `entries`, run on `series` with `plan`.
    public init(series: TimeSeries, plan: BacktestPlan, season: Int, entries: [BacktestSuite.Entry]) {
        column = series.name
        frequency = series.frequency.description
        horizon = plan.horizon
        self.season = season
        firstForecastRows = plan.cutoffs
        firstTargets = plan.cutoffs.map { cutoff in series.timestamps.map { series.format($0[cutoff]) } ?? String(cutoff) }
        switch plan.refit {
        case .everyFold: refit = "every fold"
        case .every(let k): refit = "every \(k) folds"
        case .once: refit = "once"
        }
        models = entries.map { entry in
            Model(name: entry.name, isBaseline: BacktestSettings.allBaselines.contains(entry.name), score: entry.score, folds: entry.folds)
        }
    }

    /// The naive forecast's score, the yardstick of "skill".
    public var naive: BacktestScore? { models.first { $0.name == "naive" }?.score }

    /// The method with the lowest MASE.
    public var best: String? {
        models.filter { $0.score.meanAbsoluteScaledError != nil }
            .min { $0.score.meanAbsoluteScaledError! < $1.score.meanAbsoluteScaledError! }?.name
    }

    /// A method's MASE over the naive forecast's on the same folds (below 1 beat it).
    public func relativeMASE(of model: Model) -> Double? { naive.flatMap { model.score.relativeMASE(to: $0) } }
}
