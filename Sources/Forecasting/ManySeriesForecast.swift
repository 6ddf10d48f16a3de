/// Forecasts every series of a collection, each with its own model, in parallel: what
/// `tsf forecast FILE --id symbol` runs, and what an app forecasting a portfolio calls.
///
/// Each series gets its own fit, on one thread and with the same seed, so a series' forecast is the
/// same whether it is forecast alone or among thousands, on one thread or many.
public struct ManySeriesForecast: Sendable {
    /// One series' forecast.
    public struct Output: Sendable {
        /// The series as it was fitted (its calendar dates the forecasts).
        public let series: TimeSeries
        public let forecasts: [Double]
        public let intervals: [IntervalForecast]
        /// The fitted model: what forecasts (the network, a baseline or a statistical model chosen on validation), its
        /// lookback and transform. With `acrossSeries`, only the series' own choice, which is averaged
        /// with it: `forecaster` alone then neither reproduces `forecasts` nor is the model to save
        /// (`blend` forecasts them; a choice whose models are saved sets `ManySeriesChoice.averagesOwnChoice`
        /// to false, so that no series is blended).
        public let forecaster: Forecaster
        /// The series' member of the network across series that `forecaster` was averaged with, when
        /// the choice across series took that blend (`ManySeriesBlend`); nil otherwise.
        public let acrossSeries: Forecaster?
        /// What forecasts: the network, a baseline or a statistical model chosen on validation, or
        /// the blend of the series' own choice with the network across series.
        public var method: ForecastMethod { blend?.method ?? forecaster.method }

        /// The model that made `forecasts` when the series was blended (`acrossSeries` is set): its
        /// `forecast(steps:)` and `forecast(after:horizon:)` continue them; nil otherwise.
        public var blend: ManySeriesBlend? { acrossSeries.map { ManySeriesBlend(own: forecaster, acrossSeries: $0) } }

        /// The interval levels whose widths were also calibrated on the values a choice across series
        /// held out (`CrossSeriesCalibration`); empty for intervals from the series' history alone.
        public let calibratedAcrossSeries: [Double]

        public init(series: TimeSeries, forecasts: [Double], intervals: [IntervalForecast], forecaster: Forecaster,
                    acrossSeries: Forecaster? = nil, calibratedAcrossSeries: [Double] = []) {
            self.series = series
            self.forecasts = forecasts
            self.intervals = intervals
            self.forecaster = forecaster
            self.acrossSeries = acrossSeries
            self.calibratedAcrossSeries = calibratedAcrossSeries
        }

        /// How the interval at `level` was calibrated: `split-conformal-across-series` for a level
        /// in `calibratedAcrossSeries`, else as the forecaster says (`Forecaster.intervalMethod(level:)`).
        public func intervalMethod(level: Double) -> String {
            calibratedAcrossSeries.contains(level) ? "split-conformal-across-series" : forecaster.intervalMethod(level: level)
        }
    }

    /// Settings of every per-series fit (`threads` is ignored: each fit runs on one thread).
    public var configuration: ForecasterConfiguration
    /// Steps to forecast; nil takes each series' own default from its frequency.
    public var steps: Int?
    /// Interval levels as fractions, e.g. [0.8, 0.95]; none by default.
    public var levels: [Double]

    public init(configuration: ForecasterConfiguration = ForecasterConfiguration(), steps: Int? = nil, levels: [Double] = []) {
        self.configuration = configuration
        self.steps = steps
        self.levels = levels
    }

    /// Fits and forecasts one series.
    public func forecast(_ series: TimeSeries) throws -> Output {
        try forecast(series, cancellation: nil)
    }

    /// Fits and forecasts one series; a raised `cancellation` stops its training within one batch.
    package func forecast(_ series: TimeSeries, cancellation: CancellationFlag?) throws -> Output {
        let horizon = steps ?? series.frequency.defaultHorizon
        return try forecast(series, columns: FeatureColumns(), columnNames: [series.name], horizon: horizon, steps: horizon,
                            cancellation: cancellation)
    }

    /// Fits and forecasts one series with its feature columns, whole (`FeatureColumns`: the
    /// known-in-advance ones continued past the series' end over the steps to forecast), as a
    /// single-series forecast does: a network of `horizon` outputs, `steps` forecast (more than
    /// `horizon` only without observed features). `columnNames` are the target's and the features'.
    public func forecast(_ series: TimeSeries, columns: FeatureColumns, columnNames: [String], horizon: Int,
                         steps: Int) throws -> Output {
        try forecast(series, columns: columns, columnNames: columnNames, horizon: horizon, steps: steps, cancellation: nil)
    }

    package func forecast(_ series: TimeSeries, columns: FeatureColumns, columnNames: [String], horizon: Int, steps: Int,
                          cancellation: CancellationFlag?) throws -> Output {
        try cancellation?.check()
        var configuration = configuration
        configuration.horizon = horizon
        configuration.threads = 1
        configuration.applySessionSeason(of: series)
        let forecaster = try Forecaster.fit(values: series.values, features: columns.observed(before: series.count),
                                            knownFeatures: columns.known(before: series.count), frequency: series.frequency,
                                            columnNames: columnNames, configuration: configuration,
                                            progress: cancellation?.trainingProgress() ?? { _ in .proceed })
        try cancellation?.check()
        let (forecasts, intervals) = try forecaster.forecastWithIntervals(steps: steps, levels: levels, history: series.values,
                                                                          columns: columns)
        return Output(series: series, forecasts: forecasts, intervals: intervals, forecaster: forecaster)
    }

    /// Forecasts `count` series on `threads` threads; `series(i)` provides series `i` (it may fail,
    /// e.g. a series whose rows are all missing), and `deliver` receives each result in index order
    /// as soon as it is ready (see `ManySeriesRunner`).
    public func run(
        count: Int, threads: Int,
        series: @escaping @Sendable (Int) throws -> TimeSeries,
        deliver: @escaping @Sendable (Int, Result<Output, any Error>) -> Bool
    ) {
        ManySeriesRunner.run(count: count, threads: threads, job: { index in
            Result { try forecast(series(index)) }
        }, deliver: deliver)
    }
}
