import ForecastEvaluation

/// The note for intervals a forecast could not give: a table of `undefined` bounds says nothing of
/// why, and the user can act on it (a lower level, a longer series).
enum UndefinedIntervals {
    /// One sentence per level with steps that have no bounds; none when every step has them.
    /// `subject` names the series where a run forecasts several ("series AAPL").
    static func notes(_ intervals: [IntervalForecast], of subject: String? = nil) -> [String] {
        intervals.compactMap { interval in
            let steps = interval.lower.count
            let missing = zip(interval.lower, interval.upper).filter { $0 == nil || $1 == nil }.count
            guard missing > 0 else { return nil }
            let needed = ConformalIntervals.residualsNeeded(level: interval.level)
            let place = missing == steps ? "at every step" : "at \(missing) of \(steps) steps"
            return "the \(ForecastStep.percent(interval.level)) % interval\(subject.map { " of \($0)" } ?? "") is undefined \(place): calibrating it takes at least \(needed) past forecast errors, more than the history gave; a lower level or a longer series gives one"
        }
    }
}
