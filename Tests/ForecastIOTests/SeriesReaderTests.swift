import ForecastData
@testable import ForecastIO
import Testing

/// Files to series: values, errors on bad numbers, missing-value policies.
@Suite struct SeriesReaderTests {
    @Test func targetAndFeaturesAreAlignedInTheOrderAsked() throws {
        let data = try SeriesReader.read(fixtureSource("good_prices.csv"), target: "Close", features: ["Volume", "Open"])
        #expect(data.target.name == "Close")
        #expect(data.target.values == [129.41, 131.01, 126.60, 130.92, 132.05, 128.98])
        #expect(data.features.map(\.name) == ["Volume", "Open"])
        #expect(data.features[0].values.first == 143_301_900)
        #expect(data.features[1].values.last == 129.19)
        #expect(data.target.frequency == .tradingDays)
        #expect(data.target.timestamps?.count == 6)
    }

    @Test func badNumberNamesFileLineColumnAndValue() {
        let error = readError { try SeriesReader.read(fixtureSource("bad_number.csv"), target: "Close") }
        #expect(error == CSVReadError.notANumber(file: fixturePath("bad_number.csv"), line: 6, column: "Close", value: "1O2.30", remedy: nil))
        #expect(error?.errorDescription == "\(fixturePath("bad_number.csv")):6: column \"Close\": \"1O2.30\" is not a number.")
    }

    @Test func infiniteValueIsAnError() {
        let error = readError { try SeriesReader.read(fixtureSource("infinite.csv"), target: "Close") }
        #expect(error == CSVReadError.infiniteValue(file: fixturePath("infinite.csv"), line: 3, column: "Close", value: "inf"))
    }

    @Test func aValueBeyondTheUsableMagnitudeNamesItsLine() throws {
        func source(_ value: String) -> CSVSource {
            .bytes(Array("date,v\n2024-01-01,1.5\n2024-01-02,\(value)\n2024-01-03,\n2024-01-04,2\n".utf8), name: "huge.csv")
        }
        for value in ["1.3e+308", "-2e101"] {
            let error = readError { try SeriesReader.read(source(value), target: "v") }
            #expect(error == CSVReadError.valueTooLarge(file: "huge.csv", line: 3, column: "v", value: value))
        }
        #expect(readError { try SeriesReader.read(source("1.3e+308"), target: "v") }?.errorDescription
            == "huge.csv:3: column \"v\": 1.3e+308 is beyond ±1e100, where squared errors and sums overflow; divide the column by a power of ten.")
        // The limit itself is usable, and a missing value (interpolated) is not a large one.
        let data = try SeriesReader.read(source("-1e100"), target: "v")
        #expect(data.target.values.count == 4 && data.target.values[1] == -1e100)
    }

    @Test func thousandsSeparatorsNeedTheOption() throws {
        let error = readError { try SeriesReader.read(fixtureSource("thousands.csv"), target: "Volume") }
        guard case .notANumber(_, let line, let column, let value, let remedy) = error else {
            Issue.record("expected a number error, got \(String(describing: error))")
            return
        }
        #expect(line == 2 && column == "Volume" && value == "1,204,300")
        #expect(remedy == .setThousandsSeparator(","))
        let data = try SeriesReader.read(fixtureSource("thousands.csv"), target: "Volume",
                                         options: CSVReadOptions(thousandsSeparator: UInt8(ascii: ",")))
        #expect(data.target.values == [1_204_300, 12_000, 999])
    }

    @Test func everyDefaultMissingTokenIsMissingNeverZero() throws {
        let error = readError { try SeriesReader.read(fixtureSource("missing_tokens.csv"), target: "Close", options: CSVReadOptions(missingPolicy: .error)) }
        #expect(error == CSVReadError.missingValue(file: fixturePath("missing_tokens.csv"), line: 3, column: "Close"))
        let data = try SeriesReader.read(fixtureSource("missing_tokens.csv"), target: "Close", options: CSVReadOptions(missingPolicy: .drop))
        #expect(data.target.values == [1, 11])
        #expect(data.missingValues.first?.report.missing == 9)
        #expect(!data.target.values.contains(0))
    }

    @Test func missingPoliciesActAcrossColumns() throws {
        // gaps.csv: Close = 1, –, 3, 4, –   Volume = 10, 11, –, 13, 14
        let drop = try SeriesReader.read(fixtureSource("gaps.csv"), target: "Close", features: ["Volume"],
                                         options: CSVReadOptions(missingPolicy: .drop))
        #expect(drop.target.values == [1, 4])
        #expect(drop.features[0].values == [10, 13])

        let ffill = try SeriesReader.read(fixtureSource("gaps.csv"), target: "Close", features: ["Volume"],
                                          options: CSVReadOptions(missingPolicy: .ffill))
        #expect(ffill.target.values == [1, 1, 3, 4, 4])
        #expect(ffill.features[0].values == [10, 11, 11, 13, 14])

        let linear = try SeriesReader.read(fixtureSource("gaps.csv"), target: "Close", features: ["Volume"],
                                           options: CSVReadOptions(missingPolicy: .linear))
        // Close's trailing gap cannot be interpolated, so that row goes from both columns.
        #expect(linear.target.values == [1, 2, 3, 4])
        #expect(linear.features[0].values == [10, 11, 12, 13])
        #expect(linear.lines == [2, 3, 4, 5])
        #expect(linear.warnings.contains { $0.message.contains("column \"Close\" has 2 missing values: 1 filled (linear interpolation), 1 row dropped") })
    }

    @Test func customMissingTokens() throws {
        let text = "Date,Close\n2021-01-04,1\n2021-01-05,-999\n2021-01-06,3\n"
        let data = try SeriesReader.read(memorySource(text), target: "Close",
                                         options: CSVReadOptions(missingTokens: MissingTokens(["-999"]), missingPolicy: .linear))
        #expect(data.target.values == [1, 2, 3])
    }

    @Test func standardInputNameAndBytesSource() throws {
        let data = try SeriesReader.read(.bytes(Array("d,v\n2021-01-04,5\n".utf8), name: "-"), target: "v")
        #expect(data.target.values == [5])
        #expect(CSVSource(argument: "-") == .standardInput)
        #expect(CSVSource.standardInput.displayName == "<stdin>")
    }

    @Test func timeColumnCannotBeTheTarget() {
        let error = readError { try SeriesReader.read(fixtureSource("good_prices.csv"), target: "Date") }
        #expect(error?.category == .usage)
    }

    @Test func idWithoutSeriesIsAnOptionError() {
        let error = readError { try SeriesReader.read(fixtureSource("long_format.csv"), target: "price", options: CSVReadOptions(idColumn: "symbol")) }
        #expect(error?.category == .usage)
    }

    /// A daily file never open on Sundays is told so by name, where the warning blamed the date
    /// format.
    @Test func aSeriesClosedOnSundaysIsToldSo() throws {
        var text = "date,sales\n"
        for day in 0..<71 where day % 7 != 6 {
            text += String(format: "2026-%02d-%02d,%d\n", day < 30 ? 6 : day < 61 ? 7 : 8, day < 30 ? day + 1 : day < 61 ? day - 29 : day - 60, 100 + day % 7)
        }
        let data = try SeriesReader.read(memorySource(text), target: "sales")
        let warning = try #require(data.warnings.first { $0.message.contains("has no row on Sundays (10 days)") }, "\(data.warnings)")
        #expect(!warning.message.contains("date format"))
    }

    /// Forecast dates of a file of naive times (no offset) are written as the file writes them,
    /// without the `Z` of UTC it never claimed and to the minute where it writes minutes; a file in
    /// UTC keeps its `Z`.
    @Test(arguments: [("2026-12-04 15:%02d", "2026-12-04 16:00"), ("2026-12-04T15:%02d", "2026-12-04T16:00"),
                      ("2026-12-04 15:%02d:00", "2026-12-04 16:00:00"),
                      ("2026-12-04T15:%02d:00Z", "2026-12-04T16:00:00Z")])
    func naiveTimesAreWrittenWithoutAZone(pattern: String, expected: String) throws {
        var text = "time,price\n"
        for minute in stride(from: 0, to: 60, by: 5) { text += String(format: pattern, minute) + ",\(100 + minute)\n" }
        let series = try SeriesReader.read(memorySource(text), target: "price").target
        let next = try #require(series.futureTimestamps(count: 1).first)
        #expect(series.format(next) == expected)
    }

    /// Forecasts are written like the latest row that shows how the file pads its dates: a last
    /// row at `11:00 PM` or on `12/15` shows nothing, the rows before it do.
    @Test func forecastDatesFollowTheRowThatShowsThePadding() throws {
        var padded = "time,value\n"
        for day in 30...31 {
            for hour in 0..<24 { padded += "12/\(day)/2024 \(String(format: "%02d", hour == 0 ? 12 : (hour - 1) % 12 + 1)):00 \(hour < 12 ? "AM" : "PM"),\(hour)\n" }
        }
        let twelveHour = try SeriesReader.read(memorySource(padded), target: "value").target
        #expect(twelveHour.futureTimestamps(count: 2).map(twelveHour.format) == ["01/01/2025 12:00 AM", "01/01/2025 01:00 AM"])
        var unpadded = "date,value\n"
        for day in 1...15 { unpadded += "12/\(day)/2024,\(day)\n" }
        let days = try SeriesReader.read(memorySource(unpadded), target: "value").target
        #expect(days.futureTimestamps(count: 1).map(days.format) == ["12/16/2024"])
        #expect(days.format(Timestamp(year: 2025, month: 1, day: 2)) == "1/2/2025")
        #expect(SeriesReader.paddingShown(in: Array("12/15/2024 11:00 PM".utf8)) == 0)
        #expect(SeriesReader.paddingShown(in: Array("12/5/2024 09:00 PM".utf8)) == 2)
    }

    /// Hourly currency bars from Sunday 22:00 to Friday 21:00: the weekend is no gap, and the
    /// forecast after Friday's last bar starts on Sunday evening.
    @Test func barsAroundTheClockThatStopForTheWeekendAreForecastAfterIt() throws {
        var text = "time,rate\n"
        var hour = Timestamp(year: 2024, month: 1, day: 7, hour: 22)
        let end = Timestamp(year: 2024, month: 2, day: 2, hour: 21)
        while hour <= end {
            let weekday = (hour.dayNumber + 3) % 7 + 1   // 1 = Monday; 1 January 1970 was a Thursday
            if weekday <= 4 || (weekday == 5 && hour.civil.hour <= 21) || (weekday == 7 && hour.civil.hour >= 22) {
                text += DateFormat.isoDate.string(from: hour) + String(format: " %02d:00,1.1\n", hour.civil.hour)
            }
            hour = hour.advanced(by: 3600)
        }
        let data = try SeriesReader.read(memorySource(text), target: "rate")
        #expect(data.warnings.isEmpty, "\(data.warnings)")
        let series = data.target
        #expect(series.weeklyHours?.description == "Sunday 22:00 to Friday 21:00")
        #expect(series.futureTimestamps(count: 2).map(series.format) == ["2024-02-04 22:00", "2024-02-04 23:00"])
        // An exchange's calendar does not apply to them: given, it is said to be unused.
        let forced = try SeriesReader.read(memorySource(text), target: "rate", options: CSVReadOptions(exchange: .XNYS))
        #expect(forced.warnings.map(\.description).contains { $0.hasSuffix("the rows are hourly from Sunday 22:00 to Friday 21:00.") })
        #expect(forced.target.futureTimestamps(count: 1) == series.futureTimestamps(count: 1))
    }
}
