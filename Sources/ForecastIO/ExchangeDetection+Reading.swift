import ForecastData

extension ExchangeDetection {
    /// The exchange a reader attaches to a series: the one asked for, else the detected one, and
    /// only for trading days or intraday bars in weekday sessions (other frequencies have no
    /// sessions to follow). `timestamps` are on the source's clock (`TimeColumn.calendarTimestamps(at:)`,
    /// or `wallClockTimestamps` for intraday bars), so rows fall on their own dates.
    static func exchange(of timestamps: [Timestamp], frequency: Frequency, session: TradingSession? = nil,
                         forced: ExchangeCalendar.Code?) -> ExchangeCalendar.Code? {
        guard frequency == .tradingDays || session?.weekdaysOnly == true else { return nil }
        return forced ?? detect(in: timestamps)
    }
}
