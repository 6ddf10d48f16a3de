/// The hours within each day that a market trades: intraday bars stop at the close and start
/// again at the next session's open, so the step after the last bar of a day is the first bar of
/// the next trading day, not a bar in the night.
///
/// Times are seconds after midnight on the clock the source wrote (its wall clock: New York bars
/// written `09:30-05:00` open at 09:30). A session lies within one calendar day; markets that
/// trade across midnight keep the plain clock of their frequency (`Frequency.timestamps`).
public struct TradingSession: Hashable, Sendable, CustomStringConvertible {
    /// Seconds after midnight of the session's first bar.
    public let firstBar: Int
    /// Seconds after midnight of the session's last bar (the close minus one step, for bars
    /// stamped at their start).
    public let lastBar: Int
    /// The step between bars, in seconds.
    public let step: Int
    /// Whether sessions fall on Monday to Friday only (an exchange's holidays are skipped too, when
    /// the series has one); otherwise every day has a session.
    public let weekdaysOnly: Bool

    /// A session from its first and last bar's times of day, in seconds after midnight.
    /// - Precondition: `0 <= firstBar <= lastBar < 86 400` and `step >= 1`.
    public init(firstBar: Int, lastBar: Int, step: Int, weekdaysOnly: Bool) {
        precondition(step >= 1, "a session's step must be at least one second, got \(step)")
        precondition(0 <= firstBar && firstBar <= lastBar && lastBar < CivilCalendar.secondsPerDay,
                     "a session's bars must lie within one day in order, got \(firstBar) … \(lastBar)")
        self.firstBar = firstBar
        self.lastBar = lastBar
        self.step = step
        self.weekdaysOnly = weekdaysOnly
    }

    /// How many bars one full session holds: the length of its daily season.
    public var barsPerSession: Int { (lastBar - firstBar) / step + 1 }

    /// `09:30–15:55`, the first and the last bar's times of day.
    public var description: String { Self.clock(firstBar) + "–" + Self.clock(lastBar) }

    /// Whether the day `dayNumber` (days since 1970-01-01) has a session.
    public func isSessionDay(_ dayNumber: Int, exchange: ExchangeCalendar?) -> Bool {
        if let exchange { return exchange.isSession(dayNumber: dayNumber) }
        return !weekdaysOnly || CivilCalendar.weekday(fromDays: dayNumber) <= 5
    }

    /// The `count` bars after `last`: the next step of the same session while it lasts, then the
    /// first bar of the next session day (skipping weekends, and `exchange`'s holidays). A bar before
    /// the day's first is followed by that first bar, and a bar on a day without a session by the next
    /// session's first. Timestamps are on the wall clock the session
    /// is read on (`utcOffset` seconds east of UTC; the results are UTC instants again).
    /// - Precondition: `count >= 0`.
    public func timestamps(after last: Timestamp, count: Int, exchange: ExchangeCalendar? = nil, utcOffset: Int = 0) -> [Timestamp] {
        precondition(count >= 0, "count of future bars must not be negative, got \(count)")
        var result: [Timestamp] = []
        result.reserveCapacity(count)
        var current = last.advanced(by: Double(utcOffset))
        while result.count < count {
            current = nextBar(after: current, exchange: exchange)
            result.append(current.advanced(by: Double(-utcOffset)))
        }
        return result
    }

    /// How many bars the sessions between the first and the last of `timestamps` (wall-clock, sorted)
    /// hold that have no timestamp: the rows a file lacks, not counting nights, weekends or
    /// `exchange`'s holidays. Bars outside the session hours count as rows present.
    public func missingBars(in timestamps: [Timestamp], exchange: ExchangeCalendar?) -> Int {
        guard let first = timestamps.first, let last = timestamps.last, timestamps.count >= 2 else { return 0 }
        let firstDay = first.dayNumber
        let lastDay = last.dayNumber
        var expected = 0
        for day in firstDay ... lastDay where isSessionDay(day, exchange: exchange) || day == firstDay || day == lastDay {
            let from = day == firstDay ? barIndex(of: first, rounding: .up) : 0
            let through = day == lastDay ? barIndex(of: last, rounding: .down) : barsPerSession - 1
            expected += max(0, min(through, barsPerSession - 1) - max(from, 0) + 1)
        }
        return max(0, expected - timestamps.count)
    }

    /// The bar that follows `bar` (both on the session's wall clock).
    func nextBar(after bar: Timestamp, exchange: ExchangeCalendar?) -> Timestamp {
        let day = bar.dayNumber
        let second = bar.secondsSinceEpoch - Double(day * CivilCalendar.secondsPerDay)
        if isSessionDay(day, exchange: exchange) {
            if second < Double(firstBar) { return Self.time(day: day, second: firstBar) }
            if second + Double(step) <= Double(lastBar) { return bar.advanced(by: Double(step)) }
        }
        var next = day + 1
        while !isSessionDay(next, exchange: exchange) { next += 1 }
        return Self.time(day: next, second: firstBar)
    }

    /// Which bar of its day `timestamp` is (0 for the first), rounded to a whole bar.
    private func barIndex(of timestamp: Timestamp, rounding: FloatingPointRoundingRule) -> Int {
        let second = timestamp.secondsSinceEpoch - Double(timestamp.dayNumber * CivilCalendar.secondsPerDay)
        return Int(((second - Double(firstBar)) / Double(step)).rounded(rounding))
    }

    private static func time(day: Int, second: Int) -> Timestamp {
        Timestamp(secondsSinceEpoch: Double(day * CivilCalendar.secondsPerDay + second))
    }

    /// `09:30`, or `09:30:15` when the time has seconds (`second` after midnight).
    public static func clock(_ second: Int) -> String {
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let text = two(second / 3600) + ":" + two(second % 3600 / 60)
        return second % 60 == 0 ? text : text + ":" + two(second % 60)
    }
}
