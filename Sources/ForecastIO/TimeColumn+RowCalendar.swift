import ForecastData

/// The calendar a time column's rows follow, as reading a series and inspecting a file both ask it:
/// the timestamps calendar questions are asked of, the intraday session the rows trade in (or the
/// weekly hours of bars around the clock that stop for the weekend), and the exchange whose
/// holidays they skip.
struct RowCalendar {
    /// The rows on the clock the file wrote (`TimeColumn+WallClock.swift`): for days, and for
    /// intraday bars in sessions; other intraday steps stay in UTC.
    let timestamps: [Timestamp]
    let frequency: Frequency
    let session: TradingSession?
    let weeklyHours: WeeklyHours?
    let exchange: ExchangeCalendar.Code?

    /// The calendar's steps between the first and last row that have no row: the session's bars,
    /// else the weekly hours' bars, else the exchange's sessions, else the frequency's steps.
    var absentSteps: Int {
        if let session { return session.missingBars(in: timestamps, exchange: exchange.map(ExchangeCalendar.init)) }
        if let weeklyHours { return weeklyHours.missingBars(in: timestamps) }
        if let exchange { return ExchangeCalendar(exchange).missingSessions(in: timestamps) }
        return frequency.missingSteps(in: timestamps)
    }

    /// What a reader says about the exchange the user gave: that it is not used
    /// (`unusedExchangeWarning`), or that rows fall on its holidays (`closedDayRowsWarning`).
    func exchangeWarnings(given: ExchangeCalendar.Code?, file: String) -> [CSVWarning] {
        [unusedExchangeWarning(given: given, file: file), closedDayRowsWarning(given: given, file: file)].compactMap { $0 }
    }

    /// A warning that rows fall on days the exchange the user gave does not trade (its holidays):
    /// they are kept, while forecasts skip such days, so the file may be of another market. nil
    /// when none does or no exchange was given.
    func closedDayRowsWarning(given: ExchangeCalendar.Code?, file: String) -> CSVWarning? {
        guard let given, exchange == given else { return nil }
        let calendar = ExchangeCalendar(given)
        let closed = ExchangeDetection.firstOfEachDay(timestamps).filter { !calendar.isSession(dayNumber: $0.dayNumber) }
        guard !closed.isEmpty else { return nil }
        let shown = closed.prefix(3).map { DateFormat.isoDate.string(from: $0) }.joined(separator: ", ") + (closed.count > 3 ? " …" : "")
        let days = closed.count == 1 ? "1 day" : "\(closed.count) days"
        return CSVWarning("\(file): rows fall on \(days) \(given.rawValue) does not trade (\(shown)); they are kept, but forecasts skip such days: check that the file is of \(given.rawValue).")
    }

    /// A warning that the exchange the user gave is not used, where its calendar does not apply to
    /// these rows (months, calendar days, bars around the clock): nil when it is used or none was given.
    func unusedExchangeWarning(given: ExchangeCalendar.Code?, file: String) -> CSVWarning? {
        guard let given, exchange == nil else { return nil }
        let rows: String
        if frequency.isSubDaily, let weeklyHours {
            rows = "\(frequency) from \(weeklyHours)"
        } else if frequency.isSubDaily {
            rows = "\(frequency) around the clock"
        } else {
            rows = "\(frequency)"
        }
        return CSVWarning("\(file): the exchange \(given.rawValue) is not used: its calendar applies to trading days and to intraday bars in its sessions, and the rows are \(rows).")
    }
}

extension TimeColumn {
    /// The rows' calendar at `frequency`: intraday bars that stop each day get their session
    /// (`TradingSession.infer`; one day of bars only when the exchange is `forced`, as the market is
    /// then known), bars around the clock that stop each week their weekly hours
    /// (`WeeklyHours.infer`), and trading days or sessions their exchange (`ExchangeDetection.exchange`).
    func rowCalendar(at frequency: Frequency, forcedExchange forced: ExchangeCalendar.Code?) -> RowCalendar {
        let wallClock = wallClockTimestamps   // made once: a file with offsets moves every row
        let session = frequency.isSubDaily
            ? TradingSession.infer(from: wallClock, frequency: frequency, minimumDays: forced == nil ? 2 : 1) : nil
        let weeklyHours = frequency.isSubDaily && session == nil
            ? WeeklyHours.infer(wallClock: wallClock, instants: self.timestamps, frequency: frequency) : nil
        let timestamps = weeklyHours?.clockTimes(instants: self.timestamps, wallClock: wallClock)
            ?? (session == nil && frequency.isSubDaily ? self.timestamps : wallClock)
        let exchange = ExchangeDetection.exchange(of: timestamps, frequency: frequency, session: session, forced: forced)
        return RowCalendar(timestamps: timestamps, frequency: frequency, session: session, weeklyHours: weeklyHours, exchange: exchange)
    }
}
