import ForecastData

extension ExchangeDetection {
    /// The exchange a reader attaches to a series: the one asked for, else the detected one, and
    /// only where one applies (`ExchangeCalendar.applies(to:session:)`); detected for intraday bars
    /// only when their sessions fall on weekdays. `timestamps` are on the source's clock
    /// (`TimeColumn.calendarTimestamps(at:)`, or `wallClockTimestamps` for intraday bars), so rows
    /// fall on their own dates.
    static func exchange(of timestamps: [Timestamp], frequency: Frequency, session: TradingSession? = nil,
                         forced: ExchangeCalendar.Code?) -> ExchangeCalendar.Code? {
        guard ExchangeCalendar.applies(to: frequency, session: session) else { return nil }
        if let forced { return forced }
        guard session?.weekdaysOnly ?? true else { return nil }
        return detect(in: session == nil ? timestamps : firstOfEachDay(timestamps))
    }

    /// One timestamp per day of sorted `timestamps`: the days intraday bars trade on, which is all
    /// detection asks of them (hundreds of bars a day need not be hashed).
    static func firstOfEachDay(_ timestamps: [Timestamp]) -> [Timestamp] {
        var days: [Timestamp] = []
        var previous: Int? = nil
        for timestamp in timestamps {
            let day = timestamp.dayNumber
            if day != previous { days.append(timestamp) }
            previous = day
        }
        return days
    }
}
