import Testing
@testable import ForecastData

@Suite struct ExchangeDetectionTests {
    /// Midnight timestamps of every weekday from `first` to `last` that `keep` accepts.
    static func weekdays(_ first: (Int, Int, Int), _ last: (Int, Int, Int), keep: (Int) -> Bool = { _ in true }) -> [Timestamp] {
        let start = CivilCalendar.days(year: first.0, month: first.1, day: first.2)
        let end = CivilCalendar.days(year: last.0, month: last.1, day: last.2)
        return (start...end)
            .filter { CivilCalendar.weekday(fromDays: $0) <= 5 && keep($0) }
            .map { Timestamp(secondsSinceEpoch: Double($0 * CivilCalendar.secondsPerDay)) }
    }

    @Test(arguments: ["sp500_daily.csv", "msft_daily.csv", "aapl_daily.csv"])
    func usListingsAreNewYork(_ file: String) throws {
        let timestamps = try DatasetDates.timestamps(of: file).timestamps
        #expect(ExchangeDetection.detect(in: timestamps) == .XNYS)
    }

    @Test(arguments: ExchangeCalendar.Code.allCases)
    func eachExchangesOwnSessionsDetectIt(_ code: ExchangeCalendar.Code) {
        let calendar = ExchangeCalendar(code)
        let sessions = Self.weekdays((2010, 1, 4), (2014, 12, 31)) { calendar.isSession(dayNumber: $0) }
        #expect(ExchangeDetection.detect(in: sessions) == code)
        let ranked = ExchangeDetection.agreements(with: sessions)
        #expect(ranked.first?.code == code && ranked.first?.agreement == 1)
    }

    @Test func aFewMissingDaysStillDetect() {
        let calendar = ExchangeCalendar(.XLON)
        var sessions = Self.weekdays((2015, 1, 2), (2017, 12, 29)) { calendar.isSession(dayNumber: $0) }
        sessions.remove(at: 100)
        sessions.remove(at: 400)
        #expect(ExchangeDetection.detect(in: sessions) == .XLON)
    }

    @Test func plainWeekdaysWithoutGapsDetectNothing() {
        #expect(ExchangeDetection.detect(in: Self.weekdays((2010, 1, 4), (2014, 12, 31))) == nil)
    }

    /// A few months' download holds two to five holidays: they detect the exchange when they are
    /// exactly its missing weekdays, and nothing as soon as one weekday more is missing (with six
    /// or more, 80 % agreement is enough; `aFewMissingDaysStillDetect`).
    @Test(arguments: [((2019, 1, 2), (2019, 3, 29)), ((2026, 6, 1), (2026, 11, 25))])
    func aShortSpanDetectsOnlyOnExactAgreement(first: (Int, Int, Int), last: (Int, Int, Int)) {
        let calendar = ExchangeCalendar(.XNYS)
        var sessions = Self.weekdays(first, last) { calendar.isSession(dayNumber: $0) }
        #expect(ExchangeDetection.detect(in: sessions) == .XNYS)
        sessions.remove(at: 20)
        #expect(ExchangeDetection.detect(in: sessions) == nil)
    }

    /// One missing weekday that is one exchange's holiday (20 March 2024, Tokyo's equinox) is no
    /// evidence: a business series with one gap detects nothing.
    @Test func oneGapOnAHolidayDetectsNothing() {
        let gap = CivilCalendar.days(year: 2024, month: 3, day: 20)
        let days = Self.weekdays((2024, 2, 26), (2024, 3, 28)) { $0 != gap }
        #expect(ExchangeDetection.detect(in: days) == nil)
        // Three months of New York sessions missing only Labor Day, likewise.
        let labor = Self.weekdays((2026, 9, 2), (2026, 11, 25)) { ExchangeCalendar(.XNYS).isSession(dayNumber: $0) }
        #expect(ExchangeDetection.detect(in: labor) == nil)
    }

    @Test func calendarDaysDetectNothing() {
        let start = CivilCalendar.days(year: 2015, month: 1, day: 1)
        let days = (start..<start + 1000).map { Timestamp(secondsSinceEpoch: Double($0 * CivilCalendar.secondsPerDay)) }
        #expect(ExchangeDetection.detect(in: days) == nil)
        #expect(ExchangeDetection.detect(in: []) == nil)
    }

    @Test func aSeriesOnAnExchangeDatesItsFutureOnSessions() {
        let stamps = Self.weekdays((2018, 12, 24), (2018, 12, 31)) { ExchangeCalendar(.XNYS).isSession(dayNumber: $0) }
        var series = TimeSeries(name: "Close", timestamps: stamps, values: stamps.map { _ in 1 }, frequency: .tradingDays)
        #expect(series.futureTimestamps(count: 1) == [Timestamp(year: 2019, month: 1, day: 1)])
        series.exchange = ExchangeCalendar(.XNYS)
        #expect(series.futureTimestamps(count: 2) == [Timestamp(year: 2019, month: 1, day: 2), Timestamp(year: 2019, month: 1, day: 3)])
        #expect(series.frequency.seasonPeriod == 5)
        series.frequency = .daily                                   // the exchange only governs trading days
        #expect(series.futureTimestamps(count: 1) == [Timestamp(year: 2019, month: 1, day: 1)])
    }
}
