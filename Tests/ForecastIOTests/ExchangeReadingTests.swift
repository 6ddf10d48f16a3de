import Testing
import ForecastData
import _ForecastTestSupport
@testable import ForecastIO

/// The reader attaches the detected or requested exchange to trading-day series.
@Suite struct ExchangeReadingTests {
    private let sp500 = CSVSource.file(IOFixtures.dataset("sp500_daily.csv").path)

    @Test func sharePricesAreDetectedAndDatedOnSessions() throws {
        let data = try SeriesReader.read(sp500, target: "Close")
        #expect(data.target.exchange == ExchangeCalendar(.XNYS))
        #expect(data.target.futureTimestamps(count: 1) == [Timestamp(year: 2019, month: 1, day: 2)])
        let inspection = try TableInspection.inspect(sp500)
        #expect(inspection.time?.exchange == .XNYS)
        #expect(inspection.time?.missingSteps == 0)                  // holidays are no longer gaps
        #expect(inspection.time?.frequencyDescription == "trading days (XNYS sessions)")
    }

    @Test func aRequestedExchangeWins() throws {
        let data = try SeriesReader.read(sp500, target: "Close", options: CSVReadOptions(exchange: .XLON))
        #expect(data.target.exchange == ExchangeCalendar(.XLON))
        #expect(try TableInspection.inspect(sp500, options: CSVReadOptions(exchange: .XLON)).time?.exchange == .XLON)
        // Used, so nothing says it is not; but New York's sessions fall on London's holidays.
        #expect(!data.warnings.contains { $0.description.contains("not used") })
        #expect(data.warnings.contains { $0.description.contains("days XLON does not trade (") })
        let newYork = try SeriesReader.read(sp500, target: "Close", options: CSVReadOptions(exchange: .XNYS))
        #expect(!newYork.warnings.contains { $0.description.contains("does not trade") })
        #expect(try TableInspection.inspect(sp500, options: CSVReadOptions(exchange: .XLON)).warnings.contains { $0.description.contains("XLON does not trade") })
    }

    @Test func aRequestedExchangeThatDoesNotApplyIsSaidToBeUnused() throws {
        let daily = CSVSource.bytes(Array("Date,Close\n2021-01-01,1\n2021-01-02,2\n2021-01-03,3\n".utf8), name: "d.csv")
        let options = CSVReadOptions(exchange: .XNYS)
        let expected = "d.csv: the exchange XNYS is not used: its calendar applies to trading days and to intraday bars in its sessions, and the rows are daily."
        #expect(try SeriesReader.read(daily, target: "Close", options: options).warnings.map(\.description).contains(expected))
        #expect(try TableInspection.inspect(daily, options: options).warnings.map(\.description).contains(expected))
        // Without the option, no such warning.
        #expect(!(try SeriesReader.read(daily, target: "Close").warnings.contains { $0.description.contains("not used") }))
        // Across the series of a long-format file (a share's weekdays, a coin's every day) the rows
        // follow no one calendar: the summary does not say the exchange is unused.
        var long = "id,Date,Close\n"
        for day in 1...21 {
            long += String(format: "coin,2024-01-%02d,%d\n", day, day)
            if (day - 1) % 7 < 5 { long += String(format: "share,2024-01-%02d,%d\n", day, day) }
        }
        let across = try TableInspection.inspect(.bytes(Array(long.utf8), name: "l.csv"), options: options, acrossSeries: true)
        #expect(!across.warnings.contains { $0.description.contains("not used") })
    }

    @Test func plainWeekdaysAndOtherFrequenciesGetNone() throws {
        let weekdays = CSVSource.bytes(Array("Date,Close\n2021-01-04,1\n2021-01-05,2\n2021-01-06,3\n".utf8), name: "w.csv")
        #expect(try SeriesReader.read(weekdays, target: "Close").target.exchange == nil)
        let inspection = try TableInspection.inspect(weekdays)
        #expect(inspection.time?.exchange == nil)
        #expect(inspection.time?.frequencyDescription == "trading days (Monday to Friday)")
        // A forced exchange does not apply to calendar days.
        let daily = CSVSource.bytes(Array("Date,Close\n2021-01-01,1\n2021-01-02,2\n2021-01-03,3\n".utf8), name: "d.csv")
        #expect(try SeriesReader.read(daily, target: "Close", options: CSVReadOptions(exchange: .XNYS)).target.exchange == nil)
    }
}
