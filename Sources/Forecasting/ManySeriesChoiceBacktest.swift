import ForecastConcurrency
import ForecastEvaluation

/// The walk-forward backtest of the many-series choice (`ManySeriesChoice`), what `tsf forecast
/// FILE --id …` does with no method option: at every fold the choice is made again, from nothing,
/// on each series' rows before its own cut-off (candidates weighed on the last horizon of those
/// rows, the winner refitted on them), and its forecasts are scored on the rows after. So the row
/// it fills in a backtest table is the error of the whole choice, the weighing included, on values
/// it never saw.
///
/// Series take part in folds as in `GlobalBacktest`: their plans are aligned at the end, so the
/// last fold of every series is made together; a series with fewer folds joins the later ones.
public struct ManySeriesChoiceBacktest: Sendable {
    /// The choice made at every fold; its `steps` is set to the plans' horizon.
    public let choice: ManySeriesChoice

    public init(choice: ManySeriesChoice) {
        self.choice = choice
    }

    /// The name of the choice's rows in a backtest table.
    public static let name = "choice-across-series"

    /// What each fold chose.
    public struct Report: Sendable {
        /// Per fold, latest last: the series that took part and the candidate chosen.
        public let folds: [(series: Int, chosen: ManySeriesCandidate)]

        /// The choices in words: "global+arima at all 3 folds", or fold by fold when they differ.
        public var summary: String {
            guard let first = folds.first else { return "no fold was made" }
            if folds.allSatisfy({ $0.chosen == first.chosen }) {
                return "\(first.chosen) at \(folds.count == 1 ? "the one fold" : "all \(folds.count) folds")"
            }
            return folds.enumerated().map { "fold \($0.offset + 1): \($0.element.chosen)" }.joined(separator: ", ")
        }
    }

    /// Backtests the choice on every series.
    ///
    /// - Parameters:
    ///   - series: every series, of one frequency.
    ///   - backtests: each series' plan and season period; every plan must share one horizon.
    /// - Returns: per series, in order, its folds in its own fold order, or why the choice could not
    ///   forecast it; and what each fold chose.
    public func run(series: [TimeSeries], backtests: [WalkForwardBacktest]) -> (folds: [Result<[FoldForecast], any Error>], report: Report) {
        run(series: series, backtests: backtests, cancellation: nil)
    }

    package func run(series: [TimeSeries], backtests: [WalkForwardBacktest],
                     cancellation: CancellationFlag?) -> (folds: [Result<[FoldForecast], any Error>], report: Report) {
        precondition(series.count == backtests.count, "one backtest per series")
        guard let horizon = backtests.first?.plan.horizon else { return ([], Report(folds: [])) }
        precondition(backtests.allSatisfy { $0.plan.horizon == horizon }, "the series' plans must share a horizon")
        var choice = self.choice
        choice.steps = horizon
        // The folds' interval levels, so that the choice's intervals (calibrated across the series
        // too) are scored beside the per-series models'.
        choice.levels = backtests.first?.intervalLevels ?? []
        let foldCounts = backtests.map(\.plan.cutoffs.count)
        let globalFolds = foldCounts.max() ?? 0
        // Series `s` takes part in fold `g` as its own fold `g - offsets[s]`, if that is ≥ 0.
        let offsets = foldCounts.map { globalFolds - $0 }
        var folds: [[FoldForecast]] = series.map { _ in [] }
        var failures: [(any Error)?] = series.map { _ in nil }
        var chosen: [(series: Int, chosen: ManySeriesCandidate)] = []
        for g in 0..<globalFolds {
            if cancellation?.isCancelled == true { break }
            let members = series.indices.filter { failures[$0] == nil && g >= offsets[$0] }
            guard !members.isEmpty else { continue }
            let histories = members.map { s -> TimeSeries in
                let rows = backtests[s].plan.historyRows(fold: g - offsets[s])
                var history = series[s]
                history.replace(values: Array(series[s].values[rows]), timestamps: series[s].timestamps.map { Array($0[rows]) })
                return history
            }
            let outcome: ManySeriesChoice.Outcome
            do {
                outcome = try choice.run(histories, cancellation: cancellation)
            } catch {
                for s in members { failures[s] = error }
                continue
            }
            chosen.append((members.count, outcome.chosen))
            for (position, s) in members.enumerated() {
                do {
                    let k = g - offsets[s], plan = backtests[s].plan
                    let history = histories[position]
                    let (forecasts, intervals) = try Self.forecast(outcome.outputs[position], history: history, steps: horizon,
                                                                  levels: choice.levels)
                    var fold = WalkForwardBacktest.score(
                        fold: k, cutoff: plan.cutoffs[k], history: history.values, forecasts: forecasts,
                        actuals: Array(series[s].values[plan.testRows(fold: k)]), seasonPeriod: backtests[s].seasonPeriod)
                    fold.intervals = intervals
                    folds[s].append(fold)
                } catch {
                    failures[s] = error
                }
            }
        }
        let results = series.indices.map { s -> Result<[FoldForecast], any Error> in
            if let failure = failures[s] { return .failure(failure) }
            return .success(folds[s])
        }
        return (results, Report(folds: chosen))
    }

    /// A series' forecast of one fold: the choice's output, or, for a history the choice's models
    /// cannot take (too short for the network, or constant), the simple forecast `tsf forecast`
    /// gives it (`SimpleForecast`).
    static func forecast(_ output: Result<ManySeriesForecast.Output, any Error>, history: TimeSeries, steps: Int,
                         levels: [Double]) throws -> (forecasts: [Double], intervals: [IntervalForecast]) {
        do {
            let output = try output.get()
            return (Array(output.forecasts.prefix(steps)), output.intervals)
        } catch let error as ForecasterError where error.isAnsweredBySimpleForecast {
            let simple = try SimpleForecast(values: history.values, steps: steps,
                                            seasonPeriod: history.frequency.scoringSeasonPeriod, levels: levels)
            return (simple.forecasts, simple.intervals)
        }
    }
}
