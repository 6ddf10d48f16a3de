import ForecastData
import ForecastIO
import Testing
@testable import ForecastIO

/// Intraday bars exported with the day and the time of day in two columns.
@Suite struct DateTimeColumnsTests {
    /// Five-minute bars from 09:30 to 10:00 on three weekdays, the day written by `day`.
    static func bars(day: (Int) -> String, header: String = "Date,Time,Close") -> String {
        var lines = [header]
        for index in 0..<3 {
            for bar in 0..<7 { lines.append("\(day(index)),\(bar < 1 ? "09:30" : "\(bar < 6 ? "09" : "10"):\(String(format: "%02d", (30 + 5 * bar) % 60))"),\(100 + bar)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func aDayAndATimeOfDayAreOneTimeColumn() throws {
        let text = Self.bars { "2026-11-0\($0 + 2)" }
        let data = try SeriesReader.read(memorySource(text), target: "Close")
        #expect(data.timeColumn == "Date and Time")
        #expect(data.target.timestamps?.first == Timestamp(year: 2026, month: 11, day: 2, hour: 9, minute: 30, second: 0))
        #expect(data.target.timestamps?.last == Timestamp(year: 2026, month: 11, day: 4, hour: 10, minute: 0, second: 0))
        #expect(data.target.frequency == .minutes(5))
        #expect(data.target.values.count == 21)
        #expect(data.target.dateFormat?.string(from: Timestamp(year: 2026, month: 11, day: 5, hour: 9, minute: 30, second: 0)) == "2026-11-05 09:30")
        #expect(data.warnings.contains { $0.message.contains("rows are dated by \"Date\" and \"Time\" together") })
    }

    /// Days that read both ways are settled by a format given for them, and the times are kept.
    @Test func aFormatGivenForTheDaysKeepsTheTimes() throws {
        let text = Self.bars { "01/0\($0 + 2)/2024" }
        let error = readError { try SeriesReader.read(memorySource(text), target: "Close") }
        guard case .ambiguousDateFormat = error else {
            Issue.record("expected the days' ambiguity, got \(String(describing: error))")
            return
        }
        let data = try SeriesReader.read(memorySource(text), target: "Close", options: CSVReadOptions(dateFormat: .pattern("%m/%d/%Y")))
        #expect(data.target.timestamps?[7] == Timestamp(year: 2024, month: 1, day: 3, hour: 9, minute: 30, second: 0))
        #expect(data.target.dateFormat?.string(from: try #require(data.target.timestamps?[7])) == "01/03/2024 09:30")
    }

    /// A format given for days and times together reads the days with its days part and the times
    /// as times, and forecasts are written in it, with the seconds it names or without them.
    @Test func aFormatGivenForDaysAndTimesTogetherReadsBothColumns() throws {
        let text = Self.bars { "0\($0 + 2)/01/2024" }
        let data = try SeriesReader.read(memorySource(text), target: "Close", options: CSVReadOptions(dateFormat: .pattern("%d/%m/%Y %H:%M")))
        #expect(data.timeColumn == "Date and Time")
        let eighth = try #require(data.target.timestamps?[7])
        #expect(eighth == Timestamp(year: 2024, month: 1, day: 3, hour: 9, minute: 30, second: 0))
        #expect(data.target.dateFormat == .pattern("%d/%m/%Y %H:%M"))
        #expect(!data.warnings.contains { $0.message.contains("rows are dated by") })   // the format said so already
        let withSeconds = try SeriesReader.read(memorySource(text), target: "Close", options: CSVReadOptions(dateFormat: .pattern("%d/%m/%Y %H:%M:%S")))
        #expect(withSeconds.target.timestamps?[7] == eighth)
        #expect(withSeconds.target.format(eighth) == "03/01/2024 09:30:00")
        // A days part that does not read the days reads nothing, and the error names that part:
        // the column never held the time of day the whole pattern asks for.
        let wrongDays = readError {
            try SeriesReader.read(memorySource(text), target: "Close", options: CSVReadOptions(dateFormat: .pattern("%Y-%m-%d %H:%M")))
        }
        #expect(wrongDays?.errorDescription?.contains("\"02/01/2024\" is not a date in the format pattern %Y-%m-%d.") == true, "\(String(describing: wrongDays))")
        // Named as the date column, the days are still read with the times beside them.
        let named = try SeriesReader.read(memorySource(text), target: "Close",
                                          options: CSVReadOptions(dateColumn: "Date", dateFormat: .pattern("%d/%m/%Y %H:%M")))
        #expect(named.timeColumn == "Date and Time")
        #expect(named.target.timestamps?[7] == eighth)
        // A date column that holds days and times itself is read with the whole pattern, the
        // column of times beside it being a copy.
        let both = "Date,Time,Close\n" + (0..<6).map { "02/01/2024 09:3\($0),09:3\($0),\(100 + $0)\n" }.joined()
        let whole = try SeriesReader.read(memorySource(both), target: "Close", options: CSVReadOptions(dateFormat: .pattern("%d/%m/%Y %H:%M")))
        #expect(whole.timeColumn == "Date")
        // A time of day other than a clock time's is not one the times are written back in.
        for odd in ["%d/%m/%Y %H", "%d/%m/%Y %M:%H", "%d/%m/%Y %H.%M.%S", "%d/%m/%Y %H:%M %z"] {
            #expect(readError {
                try SeriesReader.read(memorySource(text), target: "Close", options: CSVReadOptions(dateFormat: .pattern(odd)))
            } != nil, "\(odd)")
        }
        #expect(DateFormat.pattern("%d/%m/%Y %I:%M %p").writesClockTimes)
        #expect(DateFormat.pattern("%Y-%m-%dT%H:%M:%S.%f").writesClockTimes)
        #expect(DateFormat.pattern("%d/%m/%YT%H:%M").daysPart == .pattern("%d/%m/%Y"))
        #expect(DateFormat.pattern("%H:%M %d/%m/%Y").daysPart == nil)
        #expect(DateFormat.isoDateTime.daysPart == nil)
    }

    /// A date column that writes the times itself (`01/01/2024 09:00:00`) dates the rows alone, the
    /// time column beside it adding nothing; one whose times are all midnight
    /// (`2024-01-01T00:00:00`) holds days, read with the times beside them and written as days.
    @Test func aDateColumnWithTimesOfItsOwnIsNotCombinedButMidnightIs() throws {
        var own = ["Date,Time,Close"]
        var midnight = ["Date,Time,Close"]
        for day in 2...4 {
            for hour in 9...12 {
                own.append(String(format: "%02d/01/2024 %02d:00:00,%02d:00:00,%d", day, hour, hour, 100 + hour))
                midnight.append(String(format: "2024-01-%02dT00:00:00,%02d:00,%d", day, hour, 100 + hour))
            }
        }
        let alone = try SeriesReader.read(memorySource(own.joined(separator: "\n") + "\n"), target: "Close")
        #expect(alone.timeColumn == "Date")
        #expect(alone.target.timestamps?[1] == Timestamp(year: 2024, month: 1, day: 2, hour: 10))
        let together = try SeriesReader.read(memorySource(midnight.joined(separator: "\n") + "\n"), target: "Close")
        #expect(together.timeColumn == "Date and Time")
        #expect(together.target.timestamps?[1] == Timestamp(year: 2024, month: 1, day: 2, hour: 10))
        let next = try #require(together.target.futureTimestamps(count: 1).first)
        #expect(together.target.format(next) == "2024-01-05 09:00")
    }

    /// A date column named without a format is read with the times beside it (as it is found
    /// without the name); days at midnight with an offset keep their clock; `Day` and `Hour`
    /// columns are a day and a time.
    @Test func namedDatesOffsetsAndHoursAreReadWithTheirTimes() throws {
        let text = Self.bars { "1\($0 + 2)/01/2024" }
        let named = try SeriesReader.read(memorySource(text), target: "Close", options: CSVReadOptions(dateColumn: "Date"))
        #expect(named.timeColumn == "Date and Time")
        #expect(named.target.timestamps?[1] == Timestamp(year: 2024, month: 1, day: 12, hour: 9, minute: 35))
        var offsets = ["Date,Time,Value"]
        for hour in 9...14 { offsets.append(String(format: "2024-01-13T00:00:00+01:00,%02d:00:00,%d", hour, hour)) }
        let onItsClock = try SeriesReader.read(memorySource(offsets.joined(separator: "\n") + "\n"), target: "Value")
        #expect(onItsClock.timeColumn == "Date and Time")
        #expect(onItsClock.target.timestamps?.first == Timestamp(year: 2024, month: 1, day: 13, hour: 8))   // 09:00 at +01:00
        #expect(onItsClock.target.futureTimestamps(count: 1).map(onItsClock.target.format) == ["2024-01-13 15:00"])
        let hours = try SeriesReader.read(memorySource(Self.bars(day: { "1\($0 + 2)/01/2024" }, header: "Day,Hour,Close")), target: "Close")
        #expect(hours.timeColumn == "Day and Hour")
    }

    /// Times with AM or PM are read on a 12-hour clock and forecasts written on one.
    @Test func twelveHourTimesAreWrittenOnTwelveHours() throws {
        var lines = ["Date,Time,Close"]
        for day in 2...4 {
            for (index, time) in ["9:30 AM", "11:30 AM", "1:30 PM", "3:30 PM"].enumerated() { lines.append("2024-01-0\(day),\(time),\(100 + index)") }
        }
        let data = try SeriesReader.read(memorySource(lines.joined(separator: "\n") + "\n"), target: "Close")
        #expect(data.target.timestamps?[2] == Timestamp(year: 2024, month: 1, day: 2, hour: 13, minute: 30))
        let next = try #require(data.target.futureTimestamps(count: 1).first)
        #expect(data.target.format(next) == "2024-01-05 09:30 AM")
        #expect(data.target.format(Timestamp(year: 2024, month: 1, day: 5, hour: 15, minute: 30)) == "2024-01-05 03:30 PM")
    }

    @Test func aTimeThatIsNoneIsNamed() {
        let text = Self.bars { "2026-11-0\($0 + 2)" }.replacingOccurrences(of: "2026-11-03,09:40", with: "2026-11-03,9:4x")
        let error = readError { try SeriesReader.read(memorySource(text), target: "Close") }
        #expect(error == .invalidDatePart(file: "memory.csv", line: 11, column: "Time", value: "9:4x", expected: "time of day (HH:MM or HH:MM:SS)"))
    }

    /// A column called Time that holds no times of day is a value column, and the days stand alone.
    @Test func aTimeColumnOfOtherValuesIsNotCombined() throws {
        let data = try SeriesReader.read(memorySource("Date,Time,Close\n2024-01-01,12.5,1\n2024-01-02,13.5,2\n2024-01-03,11.0,3\n"), target: "Time")
        #expect(data.timeColumn == "Date")
        #expect(data.target.values == [12.5, 13.5, 11.0])
    }

    @Test func aLongFormatFileDatesEachSeriesByBoth() throws {
        var text = "Ticker,Date,Time,Close\n"
        for ticker in ["AAA", "BBB"] {
            for line in Self.bars(day: { "2026-11-0\($0 + 2)" }).split(separator: "\n").dropFirst() { text += "\(ticker),\(line)\n" }
        }
        let file = try LongFormatReader.read(memorySource(text), idColumn: "Ticker", target: "Close")
        #expect(file.ids == ["AAA", "BBB"])
        for index in file.ids.indices {
            let series = try file.series(at: index).get()
            #expect(series.target.frequency == .minutes(5))
            #expect(series.target.values.count == 21)
        }
    }

    @Test(arguments: [("09:30", 34_200.0), ("9:30", 34_200), ("23:59:59", 86_399), ("00:00:01.5", 1.5), ("00:00:01,5", 1.5),
                      ("09:30 AM", 34_200), ("1:05 PM", 47_100), ("12:30 AM", 1800), ("12:00 pm", 43_200)])
    func timesOfDayAreRead(text: String, seconds: Double) {
        #expect(DateTimeColumns.secondOfDay(text) == seconds)
    }

    @Test(arguments: ["24:00", "12:60", "12:5", "12:30:60", "12", "12:30:1", "a:30", "12:30:05.", "-1:30", "13:00 PM", "0:30 AM", "AM"])
    func whatIsNoTimeOfDayIsRefused(text: String) {
        #expect(DateTimeColumns.secondOfDay(text) == nil)
    }
}
