/// Prediction intervals at one level around a point forecast; a step is nil when there were too few
/// calibration residuals for the level.
public struct IntervalForecast: Hashable, Codable, Sendable {
    public let level: Double
    public let lower: [Double?]
    public let upper: [Double?]

    public init(level: Double, forecasts: [Double], intervals: ConformalIntervals) {
        self.level = level
        let bounds = intervals.bounds(around: forecasts)
        lower = bounds.map { $0?.lower }
        upper = bounds.map { $0?.upper }
    }

    /// Given bounds, for tests and for intervals made elsewhere.
    public init(level: Double, lower: [Double?], upper: [Double?]) {
        precondition(lower.count == upper.count, "as many lower as upper bounds")
        self.level = level
        self.lower = lower
        self.upper = upper
    }
}
