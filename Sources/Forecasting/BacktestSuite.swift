/// The methods a backtest compares: the recurrent model and the baselines, all scored on the same
/// cut-offs of the same plan.
public struct BacktestSuite: Sendable {
    /// One method's folds and score.
    public struct Entry: Sendable {
        public let name: String
        public let folds: [FoldForecast]
        public let score: BacktestScore

        public init(name: String, folds: [FoldForecast], score: BacktestScore) {
            self.name = name
            self.folds = folds
            self.score = score
        }
    }

    public let backtest: WalkForwardBacktest
    /// The recurrent model's configuration; nil to compare baselines only.
    public let model: ForecasterConfiguration?
    public let baselines: [any ForecastingMethod]
    public let frequency: Frequency

    /// - Parameters:
    ///   - backtest: the plan and the season period of the scaled metrics, shared by every method.
    ///   - model: the recurrent model's configuration; `nil` scores the baselines only.
    ///   - baselineNames: among naive, seasonal-naive, drift, mean, moving-average, ets, theta, arima
    ///     (the last three with the plan's season period); other names are ignored.
    ///   - frequency: the series' frequency, which sets the default lookback and the moving-average
    ///     window.
    ///   - seasonPeriod: the series' own season when it is not its frequency's (intraday bars in
    ///     sessions: `TimeSeries.seasonPeriod`), for the moving-average window.
    public init(backtest: WalkForwardBacktest, model: ForecasterConfiguration?, baselineNames: [String], frequency: Frequency,
                seasonPeriod: Int? = nil) {
        self.backtest = backtest
        self.model = model
        self.frequency = frequency
        let m = backtest.seasonPeriod
        baselines = baselineNames.compactMap { name -> (any ForecastingMethod)? in
            switch name {
            case "naive": return NaiveForecast()
            case "seasonal-naive": return SeasonalNaiveForecast(seasonPeriod: m)
            case "drift": return DriftForecast()
            case "mean": return MeanForecast()
            case "moving-average": return MovingAverageForecast(window: max(3, seasonPeriod ?? frequency.seasonPeriod))
            case "ets": return ExponentialSmoothing(seasonPeriod: m)
            case "theta": return ThetaMethod(seasonPeriod: m)
            case "arima": return ARIMA(seasonPeriod: m)
            default: return nil
            }
        }
    }

    /// The season period of the scaled metrics for a frequency: its season, except 1 for trading days,
    /// where the yardstick of share prices is the plain naive forecast (docs/architecture.md).
    public static func metricSeasonPeriod(for frequency: Frequency) -> Int {
        frequency.scoringSeasonPeriod
    }

    /// Runs every method in turn (folds in parallel over `threads`), the model first.
    ///
    /// - Parameter columns: the series' feature columns, which the model reads (the baselines do
    ///   not): each fold cuts the observed ones at its origin and reads the known-in-advance ones of
    ///   its forecast steps. Features need the expanding training window.
    ///   `optionalKnown` are known-in-advance columns each fold's fit tries and keeps only when they
    ///   help on its validation part (`RecurrentForecastingMethod.optionalKnown`).
    ///   `leftOut`, when given, receives each baseline that cannot forecast a fold of this series
    ///   (`BaselineError`: too short for its window, a model that fits nothing) and why, and the
    ///   baseline is left out of the entries; without it such a baseline's error is thrown.
    public func run(on series: [Double], columns: FeatureColumns = FeatureColumns(), optionalKnown: [[Double]] = [],
                    optionalName: String = "optional columns", threads: Int,
                    progress: (@Sendable (String, Int) -> Void)? = nil,
                    leftOut: ((String, BaselineError) -> Void)? = nil) throws -> [Entry] {
        try run(on: series, columns: columns, optionalKnown: optionalKnown, optionalName: optionalName, threads: threads,
                cancellation: nil, progress: progress, leftOut: leftOut)
    }

    /// The run of every method; a raised `cancellation` stops the model's training in every fold and
    /// starts no further method.
    package func run(
        on series: [Double], columns: FeatureColumns = FeatureColumns(), optionalKnown: [[Double]] = [],
        optionalName: String = "optional columns", threads: Int, cancellation: CancellationFlag?,
        progress: (@Sendable (String, Int) -> Void)?, leftOut: ((String, BaselineError) -> Void)? = nil
    ) throws -> [Entry] {
        if !columns.isEmpty || !optionalKnown.isEmpty, case .sliding = backtest.plan.trainingWindow {
            throw ForecasterError.featuresNeedExpandingWindow
        }
        // A plan made for another series is the caller's mistake, thrown, not trapped on.
        let plan = backtest.plan
        guard let last = plan.cutoffs.last else {
            throw ForecasterError.invalidConfiguration(setting: "backtest plan", value: "no fold",
                                                       requirement: "at least one cut-off (the series may hold fewer rows than the history asked before a fold)")
        }
        guard last + plan.horizon <= series.count, plan.cutoffs[0] >= 1 else {
            throw ForecasterError.invalidConfiguration(setting: "backtest plan", value: "folds up to row \(last + plan.horizon)",
                                                       requirement: "folds inside the series' \(series.count) rows, each after at least one")
        }
        let threads = max(1, threads)
        // OpenBLAS opened on this thread before the folds' threads start (see `BLASBackend.load`).
        BLASBackend.load()
        // Every method's fold groups share one pool of threads, the model's first (they take the
        // longest), so no thread idles at the end of one method while another method waits.
        var work: [(name: String, jobs: WalkForwardBacktest.Jobs)] = []
        if let model {
            var configuration = model
            // Folds run in parallel; each fit uses one thread, so results do not depend on `threads`.
            configuration.threads = 1
            let method = RecurrentForecastingMethod(configuration: configuration, frequency: frequency,
                                                    columns: columns, optionalKnown: optionalKnown,
                                                    optionalName: optionalName, cancellation: cancellation)
            work.append((method.name, jobs(method, series: series, progress: progress)))
        }
        for baseline in baselines {
            work.append((baseline.name, jobs(baseline, series: series, cancellation: cancellation, progress: progress)))
        }
        WalkForwardBacktest.run(work.flatMap(\.jobs.jobs), threads: threads)
        try cancellation?.check()
        let baselineNames = Set(baselines.map(\.name))
        return try work.compactMap { name, jobs in
            let folds: [FoldForecast]
            do {
                folds = try jobs.results()
            } catch let error as BaselineError where baselineNames.contains(name) && leftOut != nil {
                leftOut?(name, error)
                return nil
            }
            return Entry(name: name, folds: folds, score: BacktestScore(method: name, folds: folds))
        }
    }

    /// The jobs of `method`'s folds; with a `cancellation`, a job that starts after it was raised
    /// does nothing but record the cancellation.
    func jobs<Method: ForecastingMethod>(
        _ method: Method, series: [Double], cancellation: CancellationFlag? = nil,
        progress: (@Sendable (String, Int) -> Void)?
    ) -> WalkForwardBacktest.Jobs {
        let name = method.name
        let work = backtest.jobs(method, on: series) { fold in progress?(name, fold) }
        guard let cancellation else { return work }
        return work.skipping { cancellation.isCancelled }
    }
}

extension ForecasterError {
    /// A backtest of a model with feature columns on a sliding training window: each fold reads the
    /// features of its whole history, so its history must be a prefix of the series.
    static var featuresNeedExpandingWindow: ForecasterError {
        .invalidConfiguration(setting: "trainingWindow", value: "sliding",
                              requirement: "expanding when the model reads feature columns (each fold reads the features of its whole history)")
    }
}
