/// The hours within each day that a market trades: intraday bars stop at the close (and at a
/// lunch break, where the market has one) and start again at the next open, so the step after the
/// last bar of a day is the first bar of the next trading day, not a bar in the night.
///
/// Times are seconds after midnight on the clock the source wrote (its wall clock: New York bars
/// written `09:30-05:00` open at 09:30). A session lies within one calendar day; markets that
/// trade across midnight keep the plain clock of their frequency (`Frequency.timestamps`).
public struct TradingSession: Hashable, Sendable, CustomStringConvertible {
    /// The times of day (seconds after midnight) that hold a bar, ascending: every bar of a
    /// session, so a lunch break is simply absent (Tokyo: 09:00 … 11:25, 12:30 … 14:55).
    public let barTimes: [Int]
    /// Whether sessions fall on Monday to Friday only (an exchange's holidays are skipped too, when
    /// the series has one); otherwise every day has a session.
    public let weekdaysOnly: Bool

    /// A session from the times of day of its bars, in seconds after midnight.
    /// - Precondition: `barTimes` is not empty, and its times are distinct and within one day.
    public init(barTimes: [Int], weekdaysOnly: Bool) {
        let times = Array(Set(barTimes)).sorted()
        precondition(!times.isEmpty && times.count == barTimes.count, "a session needs distinct bar times, got \(barTimes)")
        precondition(times[0] >= 0 && times[times.count - 1] < CivilCalendar.secondsPerDay,
                     "a session's bars must lie within one day, got \(times[0]) … \(times[times.count - 1])")
        self.barTimes = times
        self.weekdaysOnly = weekdaysOnly
    }

    /// A session of bars every `step` seconds from `firstBar` through `lastBar` (seconds after midnight).
    /// - Precondition: `0 <= firstBar <= lastBar < 86 400` and `step >= 1`.
    public init(firstBar: Int, lastBar: Int, step: Int, weekdaysOnly: Bool) {
        precondition(step >= 1, "a session's step must be at least one second, got \(step)")
        precondition(0 <= firstBar && firstBar <= lastBar, "a session's bars must be in order, got \(firstBar) … \(lastBar)")
        self.init(barTimes: Array(Swift.stride(from: firstBar, through: lastBar, by: step)), weekdaysOnly: weekdaysOnly)
    }

    /// Seconds after midnight of the session's first bar.
    public var firstBar: Int { barTimes[0] }
    /// Seconds after midnight of the session's last bar (the close minus one step, for bars stamped
    /// at their start).
    public var lastBar: Int { barTimes[barTimes.count - 1] }

    /// How many bars one full session holds: the length of its daily season.
    public var barsPerSession: Int { barTimes.count }

    /// The season of a series at `frequency` with `session`: one session's bars for intraday bars
    /// in sessions, else the frequency's (`Frequency.seasonPeriod`).
    public static func seasonPeriod(of frequency: Frequency, in session: TradingSession?) -> Int {
        guard frequency.isSubDaily, let session else { return frequency.seasonPeriod }
        return session.barsPerSession
    }

    /// The season of intraday bars read with a `session` or, without one, with `weeklyHours`
    /// (`WeeklyHours.seasonPeriod`); the frequency's otherwise.
    public static func seasonPeriod(of frequency: Frequency, in session: TradingSession?, weeklyHours: WeeklyHours?) -> Int {
        session == nil ? WeeklyHours.seasonPeriod(of: frequency, in: weeklyHours) : seasonPeriod(of: frequency, in: session)
    }

    /// The most common step between the session's bars, in seconds (0 for a session of one bar).
    public var usualStep: Int { Self.usualStep(of: barTimes) }

    /// The most common step between ascending bar times (the shorter of two as common), 0 for one bar.
    static func usualStep(of times: [Int]) -> Int {
        var counts: [Int: Int] = [:]
        for index in times.indices.dropFirst() { counts[times[index] - times[index - 1], default: 0] += 1 }
        return counts.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key ?? 0
    }

    /// The session's stretches of trading: bars no further apart than the usual step belong to one
    /// (09:00–11:25 and 12:30–14:55 in Tokyo), as pairs of first and last bar.
    public var intervals: [(first: Int, last: Int)] {
        let step = usualStep
        var result: [(first: Int, last: Int)] = [(barTimes[0], barTimes[0])]
        for time in barTimes.dropFirst() {
            if time - result[result.count - 1].last <= step { result[result.count - 1].last = time } else { result.append((time, time)) }
        }
        return result
    }

    /// `09:30–15:55`, each stretch's first and last bar: `09:00–11:25, 12:30–14:55` with a lunch break.
    public var description: String {
        intervals.map { $0.first == $0.last ? Self.clock($0.first) : Self.clock($0.first) + "–" + Self.clock($0.last) }
            .joined(separator: ", ")
    }

    /// Whether the day `dayNumber` (days since 1970-01-01) has a session.
    public func isSessionDay(_ dayNumber: Int, exchange: ExchangeCalendar?) -> Bool {
        if let exchange { return exchange.isSession(dayNumber: dayNumber) }
        return !weekdaysOnly || CivilCalendar.weekday(fromDays: dayNumber) <= 5
    }

    /// The `count` bars after `last`: the session's next bar time the same day while there is one
    /// (before the early close on a day `exchange` ends early), then the first bar of the next
    /// session day (skipping weekends, and `exchange`'s holidays). A
    /// bar on a day without a session is followed by the next session's first. Timestamps are on
    /// the wall clock the session is read on (`utcOffset` seconds east of UTC; the results are UTC
    /// instants again).
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
    /// hold that have no timestamp: the rows a file lacks, not counting nights, lunch breaks,
    /// weekends or `exchange`'s holidays. Bars at other times, or on other days, count as rows present.
    public func missingBars(in timestamps: [Timestamp], exchange: ExchangeCalendar?) -> Int {
        guard let first = timestamps.first, let last = timestamps.last, timestamps.count >= 2 else { return 0 }
        let firstDay = first.dayNumber
        let lastDay = last.dayNumber
        let firstSecond = Self.secondOfDay(first)
        let lastSecond = Self.secondOfDay(last)
        var expected = 0
        for day in firstDay ... lastDay where isSessionDay(day, exchange: exchange) {
            let times = barTimes(onDay: day, exchange: exchange)
            guard day == firstDay || day == lastDay else {
                expected += times.count
                continue
            }
            expected += times.lazy.filter { time in
                (day != firstDay || Double(time) >= firstSecond) && (day != lastDay || Double(time) <= lastSecond)
            }.count
        }
        return max(0, expected - timestamps.count)
    }

    /// The bar times of `day`: on a session `exchange` ends early (`EarlyCloses`), those within the
    /// early close, when the session is read on the exchange's own clock (its bars end at the
    /// regular close, stamped at their start or their end); every bar time otherwise.
    public func barTimes(onDay day: Int, exchange: ExchangeCalendar?) -> ArraySlice<Int> {
        guard let exchange, let early = EarlyCloses.close(of: exchange.code, dayNumber: day) else { return barTimes[...] }
        // Bars stamped at their start end a step before the close; bars stamped at their end, at it.
        let regular = ExchangeTimeZone(exchange.code).regularClose
        if lastBar + max(usualStep, 1) == regular { return barTimes.prefix { $0 < early } }
        if lastBar == regular { return barTimes.prefix { $0 <= early } }
        return barTimes[...]
    }

    /// The bar that follows `bar` (both on the session's wall clock).
    func nextBar(after bar: Timestamp, exchange: ExchangeCalendar?) -> Timestamp {
        let day = bar.dayNumber
        if isSessionDay(day, exchange: exchange),
           let time = barTimes(onDay: day, exchange: exchange).first(where: { Double($0) > Self.secondOfDay(bar) }) {
            return Self.time(day: day, second: time)
        }
        var next = day + 1
        while !isSessionDay(next, exchange: exchange) { next += 1 }
        return Self.time(day: next, second: firstBar)
    }

    /// Seconds after midnight of `timestamp`, with its fraction.
    static func secondOfDay(_ timestamp: Timestamp) -> Double {
        timestamp.secondsSinceEpoch - Double(timestamp.dayNumber * CivilCalendar.secondsPerDay)
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
