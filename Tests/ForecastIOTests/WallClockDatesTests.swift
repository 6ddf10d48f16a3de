import Testing
@testable import ForecastData
@testable import ForecastIO

/// Daily files written with a UTC offset are read on their own dates: `2019-01-02T00:00:00+01:00`
/// is a session of 2 January, although its instant is 1 January at 23:00 UTC.
@Suite struct WallClockDatesTests {
    /// `+01:00` as the files write it, in seconds.
    private let cet = 3600

    /// Midnight on every session of `code` in the years, written with `offset(day number)`.
    private func sessionsFile(_ code: ExchangeCalendar.Code, years: ClosedRange<Int>,
                              offset: (Int) -> String = { _ in "+01:00" }) -> CSVSource {
        let calendar = ExchangeCalendar(code)
        let first = CivilCalendar.days(year: years.lowerBound, month: 1, day: 1)
        let last = CivilCalendar.days(year: years.upperBound, month: 12, day: 31)
        let rows = (first...last).filter(calendar.isSession(dayNumber:)).enumerated().map { index, day in
            let date = DateFormat.isoDate.string(from: Timestamp(secondsSinceEpoch: Double(day * CivilCalendar.secondsPerDay)))
            return "\(date)T00:00:00\(offset(day)),\(100 + index % 7)"
        }
        return memorySource((["Date,Close"] + rows).joined(separator: "\n") + "\n")
    }

    @Test func aPositiveOffsetAtMidnightDetectsTheExchange() throws {
        let source = sessionsFile(.XNYS, years: 2017...2018)
        let data = try SeriesReader.read(source, target: "Close")
        #expect(data.target.frequency == .tradingDays)
        #expect(data.target.exchange == ExchangeCalendar(.XNYS))
        #expect(data.target.utcOffset == cet)
        // The instants are still UTC: 2 January 2017 at +01:00 is 1 January 23:00Z.
        #expect(data.target.timestamps?.first == Timestamp(year: 2017, month: 1, day: 2, hour: 23))
        // Read by their UTC dates (the old behaviour), the rows fall on Sundays to Thursdays.
        let utc = try #require(data.target.timestamps)
        #expect(Frequency.infer(from: utc) != .tradingDays)
        #expect(ExchangeDetection.detect(in: utc) == nil)
        #expect(data.warnings.isEmpty)

        let inspection = try TableInspection.inspect(source)
        #expect(inspection.time?.exchange == .XNYS)
        #expect(inspection.time?.missingSteps == 0)
    }

    @Test func nextSessionsSkipTheHolidayOnTheFilesDates() throws {
        // The last row is Monday 31 December 2018 at +01:00 (Sunday 30 December in UTC); New
        // Year's Day is closed, so the next sessions are 2, 3 and 4 January.
        let data = try SeriesReader.read(sessionsFile(.XNYS, years: 2017...2018), target: "Close")
        let next = data.target.futureTimestamps(count: 3)
        #expect(next == [2, 3, 4].map { Timestamp(year: 2019, month: 1, day: $0).advanced(by: -3600) })
        #expect(next.map(data.target.format) == ["2019-01-02T00:00:00+01:00", "2019-01-03T00:00:00+01:00", "2019-01-04T00:00:00+01:00"])
    }

    @Test func anOffsetThatChangesWithDaylightSavingStaysOnItsDates() throws {
        // Frankfurt's sessions, +01:00 in winter and +02:00 from the last Sunday of March to the
        // last Sunday of October, as pandas writes a Europe/Berlin index.
        func isSummer(_ day: Int) -> Bool {
            let year = CivilCalendar.date(fromDays: day).year
            func lastSunday(_ month: Int) -> Int {
                let last = CivilCalendar.days(year: year, month: month, day: 31)
                return last - CivilCalendar.weekday(fromDays: last) % 7
            }
            return day >= lastSunday(3) && day < lastSunday(10)
        }
        let source = sessionsFile(.XFRA, years: 2016...2019) { isSummer($0) ? "+02:00" : "+01:00" }
        let data = try SeriesReader.read(source, target: "Close")
        #expect(data.target.frequency == .tradingDays)
        #expect(data.target.exchange == ExchangeCalendar(.XFRA))
        #expect(data.target.futureTimestamps(count: 1).map(data.target.format) == ["2020-01-02T00:00:00+01:00"])
    }

    @Test func westOfUTCAndNaiveFilesAreUnchanged() throws {
        // At −05:00 midnight is 05:00 UTC on the same date: detection worked before and still does.
        let west = try SeriesReader.read(sessionsFile(.XNYS, years: 2017...2018) { _ in "-05:00" }, target: "Close")
        #expect(west.target.exchange == ExchangeCalendar(.XNYS))
        #expect(west.target.utcOffset == -18_000)
        #expect(west.target.futureTimestamps(count: 1).map(west.target.format) == ["2019-01-02T00:00:00-05:00"])
        let naive = try SeriesReader.read(memorySource("Date,Close\n2021-01-04T09:30:00,1\n2021-01-05T09:30:00,2\n"), target: "Close")
        #expect(naive.target.utcOffset == 0)
        #expect(naive.target.futureTimestamps(count: 1) == [Timestamp(year: 2021, month: 1, day: 6, hour: 9, minute: 30)])
    }

    @Test func hourlyStepsStayInUTCAcrossAnOffsetChange() throws {
        // 01:00+01:00 then 03:00+02:00 are an hour apart: the steps are counted in UTC.
        let text = "time,load\n2021-03-28T00:00:00+01:00,1\n2021-03-28T01:00:00+01:00,2\n2021-03-28T03:00:00+02:00,3\n2021-03-28T04:00:00+02:00,4\n"
        let data = try SeriesReader.read(memorySource(text), target: "load")
        #expect(data.target.frequency == .hourly)
        #expect(data.target.utcOffset == 7200)
        #expect(data.target.futureTimestamps(count: 1).map(data.target.format) == ["2021-03-28T05:00:00+02:00"])
    }
}
