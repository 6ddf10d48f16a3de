import Foundation
import Forecasting

/// How a backtest cuts a series and what it compares: shared by one series' backtest and each
/// series of a many-series one, so every series gets a plan made by the same rules.
public struct BacktestSettings: Sendable {
    /// The recurrent model's settings; its horizon and (when automatic) lookback are set per series.
    public var configuration: ForecasterConfiguration
    /// Whether the recurrent model is scored beside the baselines.
    public var includesModel: Bool
    /// Steps forecast from each cut-off; nil takes the frequency's default.
    public var horizon: Int?
    /// Folds ending at the last row (ignored when `start` is given); nil scores enough folds for at
    /// least `defaultScoredSteps` steps (and never fewer than `defaultFolds` folds).
    public var folds: Int?
    /// The first cut-off row (0-based): folds then start there, every `stride` rows.
    public var start: Int?
    /// Rows between cut-offs; nil takes the horizon, so test windows do not overlap.
    public var stride: Int?
    public var trainingWindow: BacktestPlan.TrainingWindow
    /// How often the model is fitted again; nil refits on every fold when the folds are given, and
    /// spaces the refits to at most `defaultFits` when they are chosen (`folds` nil), re-conditioning
    /// the latest fit on each fold's newer history in between.
    public var refit: BacktestPlan.RefitPolicy?
    /// Season period of MASE, RMSSE and seasonal naive; nil takes `BacktestSuite.metricSeasonPeriod`.
    public var season: Int?
    /// Interval levels as fractions; none by default.
    public var levels: [Double]
    /// Baselines by name, among `BacktestSettings.allBaselines`.
    public var baselines: [String]

    /// Every baseline a backtest can score, in table order.
    public static let allBaselines = ["naive", "seasonal-naive", "drift", "mean", "moving-average", "ets", "theta", "arima"]
    /// The baselines scored when none are named: the simple forecasts, exponential smoothing and
    /// theta, so every table shows the statistical bar a model must clear. ARIMA is left to
    /// `--baselines …,arima`: its exact order search costs several times the rest on long seasonal
    /// series (CO₂'s 2,200 weekly values with m = 52: 15 s without it, 44 s with it).
    public static let defaultBaselines = ["naive", "seasonal-naive", "drift", "mean", "moving-average", "ets", "theta"]
    /// The fewest folds scored when none are asked for.
    public static let defaultFolds = 5
    /// Steps a backtest scores at the least when the folds are not given: a score over 25 steps (5
    /// folds of a week of trading days) says little.
    public static let defaultScoredSteps = 100
    /// Fits of the model at most when the folds are not given, so the default run stays quick.
    public static let defaultFits = 5

    public init(configuration: ForecasterConfiguration = ForecasterConfiguration(), includesModel: Bool = true,
                horizon: Int? = nil, folds: Int? = nil, start: Int? = nil, stride: Int? = nil,
                trainingWindow: BacktestPlan.TrainingWindow = .expanding, refit: BacktestPlan.RefitPolicy? = nil,
                season: Int? = nil, levels: [Double] = [], baselines: [String] = BacktestSettings.defaultBaselines) {
        self.configuration = configuration
        self.includesModel = includesModel
        self.horizon = horizon
        self.folds = folds
        self.start = start
        self.stride = stride
        self.trainingWindow = trainingWindow
        self.refit = refit
        self.season = season
        self.levels = levels
        self.baselines = baselines
    }

    /// Folds when none are given: enough to score `defaultScoredSteps` steps, at least `defaultFolds`.
    static func automaticFolds(horizon: Int, stride: Int?) -> Int {
        // Capped so that the sum below cannot overflow; no horizon of a real series comes near.
        let scored = min(horizon, stride ?? horizon, defaultScoredSteps)
        return max(defaultFolds, (defaultScoredSteps + scored - 1) / scored)
    }

    /// Refits spaced so that `folds` folds need at most `defaultFits` fits.
    static func automaticRefit(folds: Int) -> BacktestPlan.RefitPolicy {
        let every = (folds + defaultFits - 1) / defaultFits
        return every <= 1 ? .everyFold : .every(every)
    }

    /// The methods to score on `series` and the plan they share: cut-offs from its length, the
    /// horizon and lookback (when not given) from its length and frequency.
    public func suite(for series: TimeSeries, reporter: ActionReporter = .silent) throws -> BacktestSuite {
        let horizon = self.horizon ?? series.frequency.defaultHorizon
        var configuration = self.configuration
        configuration.horizon = horizon
        configuration.applySessionSeason(of: series)
        let lookback = configuration.lookback ?? Forecaster.defaultLookback(season: configuration.seasonPeriod ?? series.frequency.seasonPeriod,
                                                                            rows: series.count)
        configuration.lookback = lookback
        let season = self.season ?? series.scoringSeasonPeriod
        let plan = try self.plan(rows: series.count, horizon: horizon, lookback: lookback, season: season, reporter: reporter)
        var backtest = WalkForwardBacktest(plan: plan, seasonPeriod: season)
        backtest.intervalLevels = levels
        return BacktestSuite(backtest: backtest, model: includesModel ? configuration : nil,
                             baselineNames: baselines, frequency: series.frequency, seasonPeriod: series.seasonPeriod)
    }

    /// The cut-offs for a series of `rows` rows. Without an explicit start, each fold keeps enough
    /// history to train on: several windows plus a validation part.
    public func plan(rows: Int, horizon: Int, lookback: Int, season: Int, reporter: ActionReporter = .silent) throws -> BacktestPlan {
        for (name, value) in [("horizon", horizon), ("folds", folds ?? 1), ("start", start ?? 1), ("stride", stride ?? 1),
                              ("season", season)] where value < 1 {
            throw BacktestPlanningError.invalidSetting(name: name, value: value)
        }
        if case .every(let k)? = refit, k < 1 { throw BacktestPlanningError.invalidSetting(name: "refit", value: k) }
        if case .sliding(let length) = trainingWindow, length < 2 {
            throw BacktestPlanningError.invalidSetting(name: "trainingWindow", value: length)
        }
        if includesModel, case .sliding(let length) = trainingWindow,
           case let needed = BacktestPlanningError.slidingWindowNeeded(horizon: horizon, lookback: lookback), length < needed {
            throw BacktestPlanningError.windowTooShort(length: length, needed: needed, lookback: lookback, horizon: horizon)
        }
        // A horizon, lookback or season beyond the series can never be met: refused before the
        // arithmetic below (twice a season of 2⁶² rows) overflows.
        guard horizon <= rows, start != nil || (lookback <= rows && season <= rows) else {
            throw BacktestPlanningError.tooFewRows(rows: rows, horizon: horizon, lookback: lookback, season: season)
        }
        let plan: BacktestPlan
        // No series holds more folds than rows, nor needs a stride longer than itself.
        let stride = self.stride.map { min($0, rows) }
        let folds = min(self.folds ?? Self.automaticFolds(horizon: horizon, stride: stride), rows)
        if let start {
            guard start <= rows - horizon else {
                throw BacktestPlanningError.startAfterEnd(start: start, rows: rows, horizon: horizon)
            }
            plan = .from(start: start, stride: stride ?? horizon, horizon: horizon, rows: rows,
                         trainingWindow: trainingWindow, refit: refit ?? .everyFold)
        } else {
            let minimumHistory = BacktestPlanningError.historyBeforeAFold(horizon: horizon, lookback: lookback, season: season)
            let planned = BacktestPlan.lastFolds(folds, horizon: horizon, stride: stride, rows: rows, minimumHistory: minimumHistory,
                                                 trainingWindow: trainingWindow)
            // The automatic spacing counts the folds that fit, not those asked for: 9 folds asked
            // of a series that holds 5 are refitted at every fold, not every second one.
            plan = BacktestPlan(cutoffs: planned.cutoffs, horizon: horizon, trainingWindow: trainingWindow,
                                refit: refit ?? (self.folds == nil ? Self.automaticRefit(folds: planned.cutoffs.count) : .everyFold))
        }
        guard !plan.cutoffs.isEmpty else {
            throw BacktestPlanningError.tooFewRows(rows: rows, horizon: horizon, lookback: lookback, season: season)
        }
        // Chosen folds that do not all fit are no surprise worth a warning unless fewer than the least.
        if plan.cutoffs.count < (start == nil ? folds : 1), self.folds != nil || plan.cutoffs.count < Self.defaultFolds {
            reporter.warning(CSVWarning("only \(plan.cutoffs.count) fold\(plan.cutoffs.count == 1 ? "" : "s") fit in \(rows) rows with enough history before each."))
        }
        return plan
    }
}

/// A backtest that cannot be planned on a series.
public enum BacktestPlanningError: LocalizedError, Hashable, Sendable {
    /// No fold fits: `rows` rows cannot hold a fold of `horizon` steps with enough history before it
    /// for `lookback` and for the scoring season `season` (`historyBeforeAFold`).
    case tooFewRows(rows: Int, horizon: Int, lookback: Int, season: Int)
    /// A setting is out of range: every count must be at least 1 (a sliding window at least 2 rows).
    case invalidSetting(name: String, value: Int)
    /// The first cut-off leaves no room for a fold: `start` + `horizon` is past the `rows` rows.
    case startAfterEnd(start: Int, rows: Int, horizon: Int)
    /// A sliding training window of `length` rows is too short for the model to fit on: it needs
    /// `needed` (`slidingWindowNeeded(horizon:lookback:)`).
    case windowTooShort(length: Int, needed: Int, lookback: Int, horizon: Int)

    public var errorDescription: String? {
        switch self {
        case let .tooFewRows(rows, horizon, lookback, season):
            return "The series has \(rows) row\(rows == 1 ? "" : "s"): \(Self.shortfall(rows: rows, horizon: horizon, lookback: lookback, season: season)); use a shorter horizon, lookback or season, or fewer folds."
        case let .invalidSetting(name, value):
            return "The backtest setting \(name) must be at least \(name == "trainingWindow" ? 2 : 1), not \(value)."
        case let .startAfterEnd(start, rows, horizon):
            return "The backtest starts at row \(start), but the series has \(rows) row\(rows == 1 ? "" : "s"): \(Self.lastStart(rows: rows, horizon: horizon))."
        case let .windowTooShort(length, needed, lookback, horizon):
            return "The sliding training window of \(length) rows is too short for the model to fit on: with lookback \(lookback) and horizon \(horizon) it needs \(needed); use a longer window, or a shorter lookback or horizon."
        }
    }

    /// The rows a model's sliding training window must hold, as a fit counts them: one window of
    /// `lookback` + `horizon`, a validation window of `horizon`, and a row for a transform to
    /// difference (lookback + 2·horizon + 1). Saturates.
    public static func slidingWindowNeeded(horizon: Int, lookback: Int) -> Int {
        let (twice, overflowDoubling) = horizon.multipliedReportingOverflow(by: 2)
        let (sum, overflow) = lookback.addingReportingOverflow(twice)
        return overflow || overflowDoubling || sum == .max ? .max : sum + 1
    }

    /// The rows a fold needs before its cut-off, unless a start row is given: several windows and a
    /// validation part (2·(lookback + horizon) + 1), two seasons and one value for the scaled metrics
    /// (2·season + 1), and 20 at the least. Saturates instead of overflowing.
    public static func historyBeforeAFold(horizon: Int, lookback: Int, season: Int) -> Int {
        func twicePlusOne(_ value: Int) -> Int {
            let (doubled, overflow) = value.multipliedReportingOverflow(by: 2)
            return overflow || doubled == .max ? .max : doubled + 1
        }
        let (windows, overflow) = lookback.addingReportingOverflow(horizon)
        return max(overflow ? .max : twicePlusOne(windows), twicePlusOne(season), 20)
    }

    /// Where the latest start lies for a fold of `horizon` rows in a series of `rows`.
    public static func lastStart(rows: Int, horizon: Int) -> String {
        rows > horizon ? "a fold of \(horizon) rows starts at row \(rows - horizon) at the latest"
            : "it is too short for even one fold of \(horizon) rows"
    }

    /// "too few for a fold with horizon 3, lookback 12 and season 52, which needs 105 rows before it
    /// and 3 after", the figures library and command line both give.
    public static func shortfall(rows: Int, horizon: Int, lookback: Int, season: Int) -> String {
        let before = historyBeforeAFold(horizon: horizon, lookback: lookback, season: season)
        let needed = before == .max ? "more rows than any file holds" : "\(before) rows before it and \(horizon) after"
        return "too few for a fold with horizon \(horizon), lookback \(lookback) and season \(season), which needs \(needed)"
    }
}
