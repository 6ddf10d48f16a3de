/// A walk-forward backtest of one network trained across many series (`GlobalForecaster`), scored on
/// each series' own cut-offs, so its rows sit beside the per-series models' and the baselines' in
/// one table.
///
/// Honest evaluation across series: the fit that fold `g` uses trains on each series' rows before
/// that series' own cut-off only, so no series' future reaches the shared network. Each series keeps
/// its own scaler, fitted on its own training rows. With feature columns, each fold's forecast reads
/// a series' observed features before its cut-off and its known-in-advance ones up to the end of
/// the fold's steps, as `FeatureAwareForecaster` does (features need the expanding training window).
///
/// Series may have different numbers of folds (a short series fits fewer): folds are aligned from
/// the end, so global fold `g` is every series' `g`-th fold counted back from its last. The plans'
/// refit policy applies to the global folds: a fit on folds 0, k, 2k, … (or once), on the history
/// each series has at its first fold in the group; later folds of the group re-condition each member
/// on its own newer history.
public struct GlobalBacktest: Sendable {
    /// Settings of every fit; `threads` splits each mini-batch (results do not depend on it).
    public let configuration: ForecasterConfiguration
    /// The frequency every series shares.
    public let frequency: Frequency

    public init(configuration: ForecasterConfiguration, frequency: Frequency) {
        self.configuration = configuration
        self.frequency = frequency
    }

    /// The name of the global model's rows: `global-` and the cell.
    public var name: String { "global-\(configuration.cell.rawValue)" }

    /// What the backtest did, in words: the fits and the windows they trained on.
    public struct Report: Sendable {
        /// One entry per fit, oldest first: series trained on, training windows, epochs run.
        public let fits: [(series: Int, windows: Int, epochs: Int)]
    }

    /// Backtests the global model on every series.
    ///
    /// - Parameters:
    ///   - series: each series' values, oldest first.
    ///   - columns: each series' feature columns, whole (none, or one entry per series; see
    ///     `GlobalForecaster.fit`).
    ///   - backtests: each series' plan and season period, as its per-series methods use them; every
    ///     plan must share one horizon. The refit policy of the plan with the most folds spaces the
    ///     fits (plans chosen per series space theirs by their own fold counts).
    ///   - progress: called after each fit, with the fit's index and the number of fits.
    /// - Returns: per series, in order, its folds (in its own fold order), or why the global model
    ///   could not score it (a series too short or constant for a training window, or a failed fit).
    public func run(
        series: [[Double]], columns: [FeatureColumns] = [], backtests: [WalkForwardBacktest],
        progress: (Int, Int) -> Void = { _, _ in }
    ) -> (folds: [Result<[FoldForecast], any Error>], report: Report) {
        run(series: series, columns: columns, backtests: backtests, cancellation: nil, progress: progress)
    }

    /// The backtest; a raised `cancellation` stops the fit in progress within one batch and starts
    /// no further fit (the caller then throws `CancellationError`).
    package func run(
        series: [[Double]], columns: [FeatureColumns] = [], backtests: [WalkForwardBacktest], cancellation: CancellationFlag?,
        progress: (Int, Int) -> Void
    ) -> (folds: [Result<[FoldForecast], any Error>], report: Report) {
        precondition(series.count == backtests.count, "one backtest per series")
        precondition(columns.isEmpty || columns.count == series.count, "one entry of feature columns per series")
        let columns = columns.isEmpty ? series.map { _ in FeatureColumns() } : columns
        guard let first = backtests.first else { return ([], Report(fits: [])) }
        if columns.contains(where: { !$0.isEmpty }), case .sliding = first.plan.trainingWindow {
            return (series.map { _ in .failure(ForecasterError.featuresNeedExpandingWindow) }, Report(fits: []))
        }
        let horizon = first.plan.horizon
        precondition(backtests.allSatisfy { $0.plan.horizon == horizon }, "the series' plans must share a horizon")
        let foldCounts = backtests.map(\.plan.cutoffs.count)
        let globalFolds = foldCounts.max() ?? 0
        // Plans chosen per series space their refits by their own fold counts; the global folds
        // follow the plan with the most, which every shorter series' folds align with from the end.
        let refit = backtests.max { $0.plan.cutoffs.count < $1.plan.cutoffs.count }!.plan.refit
        // Series `s` takes part in global fold `g` as its local fold `g - offset[s]`, if that is ≥ 0.
        let offsets = foldCounts.map { globalFolds - $0 }
        var folds: [[FoldForecast]] = series.map { _ in [] }
        var failures: [(any Error)?] = series.map { _ in nil }
        var fits: [(series: Int, windows: Int, epochs: Int)] = []
        guard globalFolds > 0 else { return (series.map { _ in .success([]) }, Report(fits: [])) }

        let policy = BacktestPlan(cutoffs: Array(1...globalFolds), horizon: horizon, refit: refit)
        let groups = Dictionary(grouping: 0..<globalFolds, by: policy.fitFold(for:)).sorted { $0.key < $1.key }
        for (groupIndex, group) in groups.enumerated() {
            if cancellation?.isCancelled == true { break }
            // Each series trains on its history at its first fold in the group.
            var members: [Int] = []
            var histories: [[Double]] = []
            for s in series.indices where failures[s] == nil {
                guard let g = group.value.first(where: { $0 >= offsets[s] }) else { continue }
                members.append(s)
                histories.append(Array(series[s][backtests[s].plan.historyRows(fold: g - offsets[s])]))
            }
            guard !members.isEmpty else { continue }
            let fitted: [Result<Forecaster, ForecasterError>]
            do {
                let global = try GlobalForecaster.fit(series: histories, features: members.map { columns[$0] }, frequency: frequency,
                                                      configuration: configuration,
                                                      progress: cancellation?.trainingProgress() ?? { _ in .proceed })
                fits.append((members.count, global.fitReport.trainingWindows, global.fitReport.trainingLosses.count))
                fitted = global.members
            } catch let ForecasterError.noSeriesLongEnough(lookback, horizon) {
                // No history trains the network: each member fails for its own reason, which the
                // automatic method answers with the simple forecast (`foldModel`).
                fitted = histories.map { .failure(.reasonNoNetwork(for: $0, lookback: lookback, horizon: horizon)) }
            } catch {
                for s in members { failures[s] = error }
                progress(groupIndex, groups.count)
                continue
            }
            for (position, s) in members.enumerated() {
                do {
                    let model = try foldModel(fitted[position], columns: columns[s], history: histories[position],
                                              seasonPeriod: backtests[s].seasonPeriod)
                    let plan = backtests[s].plan
                    for g in group.value where g >= offsets[s] {
                        let k = g - offsets[s]
                        let history = Array(series[s][plan.historyRows(fold: k)])
                        let forecasts = try model.forecast(after: history, horizon: horizon)
                        folds[s].append(WalkForwardBacktest.score(
                            fold: k, cutoff: plan.cutoffs[k], history: history, forecasts: forecasts,
                            actuals: Array(series[s][plan.testRows(fold: k)]), seasonPeriod: backtests[s].seasonPeriod))
                    }
                } catch {
                    failures[s] = error
                }
            }
            progress(groupIndex, groups.count)
        }
        let results = series.indices.map { s -> Result<[FoldForecast], any Error> in
            if let failure = failures[s] { return .failure(failure) }
            return .success(folds[s].sorted { $0.fold < $1.fold })
        }
        return (results, Report(fits: fits))
    }

    /// What forecasts a member's folds: its forecaster, or, for the automatic method on a history
    /// that is constant or too short for the network, the simple forecast of `history` (the fold
    /// the member was fitted at), as the per-series backtest and a forecast of it give.
    func foldModel(_ member: Result<Forecaster, ForecasterError>, columns: FeatureColumns, history: [Double],
                   seasonPeriod: Int) throws -> RecurrentFoldModel {
        switch member {
        case let .success(forecaster):
            return .forecaster(FeatureAwareForecaster(forecaster: forecaster, columns: columns))
        case let .failure(error) where RecurrentForecastingMethod.simpleAnswers(error, configuration: configuration, columns: columns):
            return RecurrentFoldModel(simpleForecastOf: history, seasonPeriod: seasonPeriod)
        case let .failure(error):
            throw error
        }
    }
}
