import Forecasting

/// A forecast as a value: the numbers, their dates, and what a script needs to trust them — the
/// method that actually forecast, the model, transform, lookback, frequency and interval method.
public struct ForecastResult: Codable, Hashable, Sendable {
    /// The forecast column's name.
    public var column: String
    /// What forecast: `network`, or a baseline or combination chosen on validation (`naive`, …).
    public var method: ForecastMethod
    /// The network's cell (`lstm`, `gru`, `rnn`), trained even when a baseline forecast.
    public var model: String
    public var transform: String
    public var lookback: Int
    /// The series' frequency as `tsf inspect` names it (`monthly`, `trading days`, …).
    public var frequency: String
    /// How intervals were calibrated (`split-conformal`, `conformalised-quantile-regression`, or both
    /// joined by `+` in the order of the levels); nil without intervals.
    public var intervalMethod: String?
    /// One row per forecast step.
    public var steps: [ForecastStep]

    /// The legend name of the forecast: the network's cell when the network forecast, else the
    /// method (`naive`, `lstm+naive`, …).
    public var methodLabel: String { label(of: method) }

    private func label(of method: ForecastMethod) -> String {
        switch method {
        case .network: return model
        case .networkAndNaive: return "\(model)+naive"
        case .networkAndSeasonalNaive: return "\(model)+seasonal-naive"
        case let .networkAndStatistical(models): return ([model] + models.map(\.rawValue)).joined(separator: "+")
        case let .ownAndAcrossSeries(own, models): return (["(\(label(of: own)))", "global"] + models.map(\.rawValue)).joined(separator: "+")
        case .naive, .seasonalNaive, .statistical: return method.name
        }
    }

    /// Interval levels, as fractions, in the order given.
    public var levels: [Double] { steps.first?.intervals.map(\.level) ?? [] }

    enum CodingKeys: String, CodingKey {
        case column, method, model, transform, lookback, frequency, intervalMethod = "interval_method", steps = "forecasts"
    }

    /// The result of `forecaster` on `series`: steps dated by the series' calendar when it has one.
    public init(series: TimeSeries, forecaster: Forecaster, forecasts: [Double], intervals: [IntervalForecast]) {
        self.init(series: series, method: forecaster.method, model: forecaster.networkConfiguration.cell.rawValue,
                  transform: forecaster.transform.rawValue, lookback: forecaster.lookback, forecasts: forecasts, intervals: intervals,
                  calibration: forecaster.intervalMethod(level:))
    }

    /// One series' result of a many-series forecast: as `init(series:forecaster:forecasts:intervals:)`,
    /// but naming the output's method (a blend of the series' own choice with the network across
    /// series) and how its intervals were calibrated (`ManySeriesForecast.Output.intervalMethod(level:)`).
    public init(output: ManySeriesForecast.Output) {
        let forecaster = output.forecaster
        self.init(series: output.series, method: output.method, model: forecaster.networkConfiguration.cell.rawValue,
                  transform: forecaster.transform.rawValue, lookback: forecaster.lookback, forecasts: output.forecasts,
                  intervals: output.intervals, calibration: output.intervalMethod(level:))
    }

    /// The result of a simple forecast (a series too short for the network): model `none`, no
    /// transform, a lookback of the whole series.
    public init(series: TimeSeries, simple: SimpleForecast) {
        self.init(series: series, method: simple.method, model: "none", transform: TransformKind.none.rawValue,
                  lookback: series.count, forecasts: simple.forecasts, intervals: simple.intervals)
    }

    /// - Parameter calibration: how the interval at a level was calibrated (`intervalMethod`).
    init(series: TimeSeries, method: ForecastMethod, model: String, transform: String, lookback: Int,
         forecasts: [Double], intervals: [IntervalForecast], calibration: (Double) -> String = { _ in "split-conformal" }) {
        column = series.name
        self.method = method
        self.model = model
        self.transform = transform
        self.lookback = lookback
        frequency = series.frequency.description
        // Levels in increasing order, as the JSON form reads them back.
        let intervals = intervals.sorted { $0.level < $1.level }
        let calibrations = intervals.map { calibration($0.level) }
        intervalMethod = calibrations.isEmpty ? nil
            : calibrations.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }.joined(separator: "+")
        let future = series.futureTimestamps(count: forecasts.count)
        let dates = future.count == forecasts.count ? future.map(series.format) : nil
        steps = forecasts.indices.map { index in
            ForecastStep(step: index + 1, date: dates?[index], forecast: forecasts[index].tidied, intervals: intervals.map {
                ForecastStep.Bounds(level: $0.level, lower: $0.lower[index]?.tidied, upper: $0.upper[index]?.tidied)
            })
        }
    }
}

/// One forecast step: its number, date, value and interval bounds.
public struct ForecastStep: Codable, Hashable, Sendable {
    /// An interval's bounds at one step; nil where too few residuals calibrated the level.
    public struct Bounds: Hashable, Sendable {
        public var level: Double
        public var lower: Double?
        public var upper: Double?
    }

    /// 1 for the first step after the data.
    public var step: Int
    /// The step's date in the input's own style; nil for a series without a calendar.
    public var date: String?
    public var forecast: Double
    public var intervals: [Bounds]

    /// `80` for an 80 % interval, `99.5` for a 99.5 % one: the suffix of its `lower…`/`upper…` columns.
    public static func percent(_ level: Double) -> String {
        let percent = level * 100
        if abs(percent - percent.rounded()) < 1e-9 { return String(Int(percent.rounded())) }
        return "\((percent * 1e6).rounded() / 1e6)"
    }

    /// Written flat, as the table's columns: `step`, `date`, `forecast`, `lower80`, `upper80`, …
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        try container.encode(step, forKey: DynamicKey("step"))
        try container.encode(date, forKey: DynamicKey("date"))
        try container.encode(forecast, forKey: DynamicKey("forecast"))
        for bounds in intervals {
            let percent = Self.percent(bounds.level)
            try container.encode(bounds.lower, forKey: DynamicKey("lower\(percent)"))
            try container.encode(bounds.upper, forKey: DynamicKey("upper\(percent)"))
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: DynamicKey.self)
        step = try container.decode(Int.self, forKey: DynamicKey("step"))
        date = try container.decodeIfPresent(String.self, forKey: DynamicKey("date"))
        forecast = try container.decode(Double.self, forKey: DynamicKey("forecast"))
        let percents = container.allKeys.compactMap { key in
            key.stringValue.hasPrefix("lower") ? String(key.stringValue.dropFirst(5)) : nil
        }.filter { Double($0) != nil }.sorted { Double($0)! < Double($1)! }
        intervals = try percents.map { percent in
            Bounds(level: (Double(percent)! / 100 * 1e9).rounded() / 1e9,
                   lower: try container.decodeIfPresent(Double.self, forKey: DynamicKey("lower\(percent)")),
                   upper: try container.decodeIfPresent(Double.self, forKey: DynamicKey("upper\(percent)")))
        }
    }

    public init(step: Int, date: String?, forecast: Double, intervals: [Bounds]) {
        self.step = step
        self.date = date
        self.forecast = forecast
        self.intervals = intervals
    }
}
