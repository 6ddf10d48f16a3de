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

    /// The interval of the first `steps` steps.
    public func prefix(_ steps: Int) -> IntervalForecast {
        IntervalForecast(level: level, lower: Array(lower.prefix(steps)), upper: Array(upper.prefix(steps)))
    }

    /// The interval with every bound below `floor` raised to it: for a series that cannot go below
    /// a value (0 for sales or counts), a bound under it says nothing the floor does not.
    public func raised(to floor: Double) -> IntervalForecast {
        IntervalForecast(level: level, lower: lower.map { $0.map { max($0, floor) } }, upper: upper.map { $0.map { max($0, floor) } })
    }

    /// `intervals` (in any order) with each level's bounds widened, where needed, to hold those of
    /// every lower level at the same step: intervals calibrated in two ways (quantiles for some
    /// levels, split-conformal for others) can cross, and a 95 % interval must hold the 80 % one.
    /// An undefined bound stays undefined; the order of `intervals` is kept.
    public static func nested(_ intervals: [IntervalForecast]) -> [IntervalForecast] {
        guard let steps = intervals.first?.lower.count else { return intervals }
        var lowest = [Double?](repeating: nil, count: steps), highest = lowest
        var widened = intervals
        for index in intervals.indices.sorted(by: { intervals[$0].level < intervals[$1].level }) {
            let interval = intervals[index]
            let lower = (0..<steps).map { step in interval.lower[step].map { bound in lowest[step].map { min($0, bound) } ?? bound } }
            let upper = (0..<steps).map { step in interval.upper[step].map { bound in highest[step].map { max($0, bound) } ?? bound } }
            for step in 0..<steps {
                if let bound = lower[step] { lowest[step] = bound }
                if let bound = upper[step] { highest[step] = bound }
            }
            widened[index] = IntervalForecast(level: interval.level, lower: lower, upper: upper)
        }
        return widened
    }
}
