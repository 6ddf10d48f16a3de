import Testing
import ForecastData
@testable import ForecastIO

/// Intraday share-price bars are read with their trading session: the night and the weekend are
/// no gaps, and the step after the close is the next open.
@Suite struct IntradaySessionReadingTests {
    /// New York five-minute bars as a price download writes them, on the clock of the day: two
    /// weeks around the end of daylight saving (1 November 2026), `-04:00` before it, `-05:00` after.
    /// `skipping` drops days (month, day); `stamp` writes a bar's wall-clock time and offset.
    static func newYorkBars(skipping: [(Int, Int)] = [], stamp: ((Int, Int, Int, Int, Int) -> String)? = nil) -> String {
        let days = [(10, 26), (10, 27), (10, 28), (10, 29), (10, 30), (11, 2), (11, 3), (11, 4), (11, 5), (11, 6)]
            .filter { day in !skipping.contains { $0 == day } }
        var text = "Datetime,Close\n"
        var price = 100.0
        for (month, day) in days {
            let offset = month == 10 ? -4 : -5
            for bar in 0 ..< 78 {
                let minute = 9 * 60 + 30 + 5 * bar
                let written = stamp?(month, day, minute / 60, minute % 60, offset)
                    ?? "2026-\(two(month))-\(two(day))T\(two(minute / 60)):\(two(minute % 60)):00-0\(-offset):00"
                price += Double((bar * 7 + day) % 5) - 2
                text += "\(written),\(price)\n"
            }
        }
        return text
    }

    static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    static func source(_ text: String) -> CSVSource { .bytes(Array(text.utf8), name: "bars.csv") }

    @Test func barsAcrossADaylightSavingChangeKeepTheirSession() throws {
        let data = try SeriesReader.read(Self.source(Self.newYorkBars()), target: "Close")
        let session = try #require(data.target.session)
        #expect(session.description == "09:30–15:55")
        #expect(data.target.seasonPeriod == 78)
        #expect(data.warnings.isEmpty, "\(data.warnings)")
        // After Friday 6 November's close: Monday 9 November at 09:30 in New York, 14:30 UTC.
        #expect(data.target.futureTimestamps(count: 2) == [Timestamp(year: 2026, month: 11, day: 9, hour: 14, minute: 30),
                                                           Timestamp(year: 2026, month: 11, day: 9, hour: 14, minute: 35)])
        #expect(data.target.format(data.target.futureTimestamps(count: 1)[0]) == "2026-11-09T09:30:00-05:00")

        let inspection = try TableInspection.inspect(Self.source(Self.newYorkBars()))
        let time = try #require(inspection.time)
        #expect(time.frequencyDescription == "every 5 minutes in sessions 09:30–15:55")
        #expect(time.seasonPeriod == 78)
        #expect(time.missingSteps == 0)
        #expect(time.first == "2026-10-26T09:30:00-04:00")                 // written as the file wrote it
        #expect(time.last == "2026-11-06T15:55:00-05:00")
    }

    @Test func barsWrittenInUTCHaveTheirSessionOnThatClock() throws {
        // The same bars in UTC: the latest days (after the change) set the hours.
        let utc = Self.newYorkBars { month, day, hour, minute, offset in
            "2026-\(Self.two(month))-\(Self.two(day)) \(Self.two(hour - offset)):\(Self.two(minute)):00"
        }
        let data = try SeriesReader.read(Self.source(utc), target: "Close")
        #expect(data.target.session?.description == "14:30–20:55")
        #expect(data.target.futureTimestamps(count: 1) == [Timestamp(year: 2026, month: 11, day: 9, hour: 14, minute: 30)])
    }

    @Test func aMissingDayIsCountedAndAMissingWeekWarned() throws {
        let inspection = try TableInspection.inspect(Self.source(Self.newYorkBars(skipping: [(11, 4)])))
        #expect(inspection.time?.missingSteps == 78)
        #expect(inspection.warnings.isEmpty)
        // Half the weekdays without bars: far more than a tenth of the session's bars are absent.
        let gappy = Self.newYorkBars(skipping: [(10, 27), (10, 28), (10, 29), (11, 3), (11, 4)])
        let data = try SeriesReader.read(Self.source(gappy), target: "Close")
        let warning = try #require(data.warnings.first?.message)
        #expect(warning.contains("leaves 390 of the 780 bars of its 09:30–15:55 sessions"), "\(warning)")
    }

    @Test func weekdaySessionsFollowTheExchangeTheirDaysMatch() throws {
        // Hourly bars (09:30 to 15:30) on the New York sessions of November and December 2026: no bars
        // on Thanksgiving or Christmas, so the next session after New Year's Eve is Monday 4 January.
        var text = "time,price\n"
        var day = Timestamp(year: 2026, month: 11, day: 2)
        let holidays = [Timestamp(year: 2026, month: 11, day: 26), Timestamp(year: 2026, month: 12, day: 25)]
        while day < Timestamp(year: 2027, month: 1, day: 1) {
            if day.civil.weekday <= 5, !holidays.contains(day) {
                for hour in 0 ..< 7 { text += "\(DateFormat.isoDate.string(from: day)) \(Self.two(9 + hour)):30,\(100 + hour)\n" }
            }
            day = day.advanced(by: 86_400)
        }
        let data = try SeriesReader.read(Self.source(text), target: "price")
        #expect(data.target.session?.description == "09:30–15:30")
        #expect(data.target.exchange == ExchangeCalendar(.XNYS))
        #expect(data.target.futureTimestamps(count: 1) == [Timestamp(year: 2027, month: 1, day: 4, hour: 9, minute: 30)])
        #expect(try TableInspection.inspect(Self.source(text)).time?.frequencyDescription == "hourly in sessions 09:30–15:30 (XNYS)")
        #expect(ExchangeDetection.firstOfEachDay(data.target.timestamps ?? []).count == 42)   // 44 weekdays, two holidays
    }

    @Test func oneDayOfBarsHasASessionOnlyWhenTheExchangeIsGiven() throws {
        var text = "time,price\n"
        for bar in 0 ..< 78 { text += "2026-11-25 \(Self.two(9 + (30 + 5 * bar) / 60)):\(Self.two((30 + 5 * bar) % 60)),\(100 + bar % 5)\n" }
        let plain = try SeriesReader.read(Self.source(text), target: "price")
        #expect(plain.target.session == nil)
        #expect(plain.target.futureTimestamps(count: 1) == [Timestamp(year: 2026, month: 11, day: 25, hour: 16)])
        let options = CSVReadOptions(exchange: .XNYS)
        let known = try SeriesReader.read(Self.source(text), target: "price", options: options)
        #expect(known.target.session?.description == "09:30–15:55")
        // The eve of Thanksgiving: the next session opens on Friday 27 November.
        #expect(known.target.futureTimestamps(count: 1) == [Timestamp(year: 2026, month: 11, day: 27, hour: 9, minute: 30)])
        #expect(try TableInspection.inspect(Self.source(text), options: options).time?.frequencyDescription
                == "every 5 minutes in sessions 09:30–15:55 (XNYS)")
    }

    @Test func barsAroundTheClockKeepThePlainClock() throws {
        var text = "time,load\n"
        for hour in 0 ..< 24 * 10 { text += "2026-11-\(Self.two(2 + hour / 24)) \(Self.two(hour % 24)):00,\(hour % 7)\n" }
        let data = try SeriesReader.read(Self.source(text), target: "load")
        #expect(data.target.session == nil)
        #expect(data.target.seasonPeriod == 24)
        #expect(data.target.futureTimestamps(count: 1) == [Timestamp(year: 2026, month: 11, day: 12)])
        #expect(try TableInspection.inspect(Self.source(text)).time?.frequencyDescription == "hourly")
    }

    /// Gaps in bars around the clock are counted by `tsf inspect` as a forecast's warning counts them.
    @Test func gapsInBarsAroundTheClockAreCountedWhereTheyAreWarned() throws {
        var text = "time,load\n"
        // Ten days of hourly loads with every seventh hour from the second day on missing, at a
        // different time each day (a gap every day at one time would be a pause of a session).
        for hour in 0 ..< 24 * 10 where hour < 24 || hour % 7 != 3 {
            text += "2026-11-\(Self.two(2 + hour / 24)) \(Self.two(hour % 24)):00,\(hour % 7)\n"
        }
        let inspection = try TableInspection.inspect(Self.source(text))
        #expect(inspection.time?.missingSteps == 31)
        let data = try SeriesReader.read(Self.source(text), target: "load")
        let warned = try #require(data.warnings.first { $0.message.contains("without a row") })
        #expect(warned.message.contains("leaves 31 of the 240 steps of its hourly calendar"), "\(warned.message)")
        #expect(inspection.warnings.map(\.message).contains(warned.message))
    }

    /// An hourly feed with so many hours missing that it is read as irregular says why, in a
    /// forecast's read and in `tsf inspect` alike.
    @Test func aFeedReadAsIrregularForItsGapsSaysSo() throws {
        var text = "time,load\n"
        for hour in 0 ..< 24 * 10 where hour % 5 != 2 {
            text += "2026-11-\(Self.two(2 + hour / 24)) \(Self.two(hour % 24)):00,\(hour % 7)\n"
        }
        let data = try SeriesReader.read(Self.source(text), target: "load")
        #expect(data.target.frequency == .irregular)
        let warning = try #require(data.warnings.first { $0.message.contains("is read as irregular") })
        #expect(warning.message.contains("74 % of its steps are an hour"), "\(warning.message)")
        #expect(try TableInspection.inspect(Self.source(text)).warnings.map(\.message).contains(warning.message))
    }
}
