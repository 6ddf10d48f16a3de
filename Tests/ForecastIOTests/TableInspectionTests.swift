import ForecastData
import ForecastIO
import Testing

/// The numbers `tsf inspect` prints.
@Suite struct TableInspectionTests {
    @Test func summarisesColumnsTimeAndFrequency() throws {
        let inspection = try TableInspection.inspect(fixtureSource("good_prices.csv"))
        #expect(inspection.rowCount == 6)
        #expect(inspection.columns.map(\.name) == ["Date", "Open", "High", "Low", "Close", "Volume"])
        #expect(inspection.columns.map(\.kind) == [.date, .numeric, .numeric, .numeric, .numeric, .numeric])
        let close = try #require(inspection.columns.first { $0.name == "Close" })
        let values = [129.41, 131.01, 126.60, 130.92, 132.05, 128.98]
        #expect(close.minimum == 126.60)
        #expect(close.maximum == 132.05)
        #expect(abs((close.mean ?? 0) - values.reduce(0, +) / 6) < 1e-12)
        #expect(inspection.time?.column == "Date")
        #expect(inspection.time?.first == "2021-01-04")
        #expect(inspection.time?.last == "2021-01-11")
        #expect(inspection.time?.frequency == .tradingDays)
        #expect(inspection.warnings.isEmpty)
    }

    @Test func textColumnWithOneStrayNumberWordIsWarned() throws {
        let inspection = try TableInspection.inspect(fixtureSource("bad_number.csv"))
        #expect(inspection.columns.first { $0.name == "Close" }?.kind == .text)
        #expect(inspection.warnings.contains { $0.message.contains(":6: column \"Close\": \"1O2.30\" is not a number") })
    }

    @Test func missingValuesAreCountedPerColumn() throws {
        let inspection = try TableInspection.inspect(fixtureSource("gaps.csv"))
        #expect(inspection.columns.map(\.missing) == [0, 2, 1])
        #expect(inspection.warnings.count == 2)
    }

    /// Values near the largest double sum past it: the column has its smallest and largest value
    /// and no mean, rather than "nan".
    @Test func valuesWhoseSumOverflowsHaveNoMean() throws {
        let inspection = try TableInspection.inspect(memorySource("date,value\n2024-01-01,1.7e308\n2024-01-02,1.6e308\n2024-01-03,1.7e308\n"))
        let column = try #require(inspection.columns.first { $0.name == "value" })
        #expect(column.mean == nil)
        #expect(column.minimum == 1.6e308 && column.maximum == 1.7e308)
        let ordinary = try TableInspection.inspect(memorySource("date,value\n2024-01-01,1\n2024-01-02,2\n2024-01-03,6\n"))
        #expect(ordinary.columns.first { $0.name == "value" }?.mean == 3)
    }

    /// A value beyond ±1e100, which a forecast refuses, is named with its line beside the column's
    /// missing values; the limit itself draws nothing.
    @Test func aValueBeyondTheUsableMagnitudeIsWarned() throws {
        let inspection = try TableInspection.inspect(memorySource("date,value\n2024-01-01,1\n2024-01-02,\n2024-01-03,-2e150\n2024-01-04,3e200\n"))
        let warning = try #require(inspection.warnings.first { $0.message.contains("value") }).message
        #expect(warning == "memory.csv: column \"value\" has 1 missing value. memory.csv:4: column \"value\": -2e150 is beyond ±1e100, so forecasts and backtests refuse the column (squared errors and sums overflow); divide it by a power of ten.")
        let limit = try TableInspection.inspect(memorySource("date,value\n2024-01-01,1e100\n2024-01-02,-1e100\n2024-01-03,5\n"))
        #expect(!limit.warnings.contains { $0.message.contains("1e100") })
    }

    /// A column named for dates and written like them that no known format reads is said so, by
    /// the inspection and by a forecast's reading, where a forecast said nothing.
    @Test func aDateColumnNoFormatReadsIsNamed() throws {
        let text = "Date,Value\n" + (1...9).map { "2024-1-\($0),\($0)" }.joined(separator: "\n") + "\n"
        let expected = "memory.csv: column \"Date\" is named and written like dates, but no known date format reads \"2024-1-1\""
        #expect(try TableInspection.inspect(memorySource(text)).warnings.contains { $0.message.hasPrefix(expected) })
        #expect(try SeriesReader.read(memorySource(text), target: "Value").warnings.contains { $0.message.hasPrefix(expected) })
        // Numbers in a column named Time are no dates written wrong.
        let steps = "Time,Value\n" + (1...9).map { "\($0),\($0)" }.joined(separator: "\n") + "\n"
        #expect(!(try SeriesReader.read(memorySource(steps), target: "Value").warnings.contains { $0.message.contains("written like dates") }))
    }

    @Test func noTimeColumnIsAWarningNotAnError() throws {
        let inspection = try TableInspection.inspect(fixtureSource("no_time_column.csv"))
        #expect(inspection.time == nil)
        #expect(inspection.warnings.contains { $0.message.contains("no time column") })
    }

    @Test func naiveTimesAreShownWithoutAZone() throws {
        let naive = try TableInspection.inspect(memorySource("time,v\n2021-01-04 09:30:00,1\n2021-01-04 09:31:00,2\n2021-01-04 09:32:00,3\n"))
        #expect(naive.time?.first == "2021-01-04 09:30:00")
        #expect(naive.time?.last == "2021-01-04 09:32:00")
        let zoned = try TableInspection.inspect(fixtureSource("iso_datetime.csv"))
        #expect(zoned.time?.first == "2021-03-01T00:00:00Z")
        #expect(zoned.time?.last == "2021-03-01T04:00:00+01:00")      // on the offset the file wrote
    }

    @Test func dialectIsReported() throws {
        let inspection = try TableInspection.inspect(fixtureSource("semicolon_decimal_comma.csv"))
        #expect(inspection.dialect.delimiter == UInt8(ascii: ";"))
        #expect(inspection.columns.first { $0.name == "Schluss" }?.minimum == -1.5)
    }

    @Test func thousandsInAColumnAreWarnedWithTheOption() throws {
        let inspection = try TableInspection.inspect(fixtureSource("thousands.csv"))
        #expect(inspection.columns.first { $0.name == "Volume" }?.kind == .text)
        let warning = try #require(inspection.warnings.first)
        #expect(warning.message.hasSuffix(":2: column \"Volume\": \"1,204,300\" is not a number; if \",\" separates thousands, set it as the thousands separator; 1 more value is not a number, so the column is read as text."))
        let read = try TableInspection.inspect(fixtureSource("thousands.csv"), options: CSVReadOptions(thousandsSeparator: UInt8(ascii: ",")))
        #expect(read.columns.first { $0.name == "Volume" }?.maximum == 1_204_300)
    }

    @Test func wordsOnlyColumnIsTextWithoutWarning() throws {
        let inspection = try TableInspection.inspect(fixtureSource("quoted.csv"))
        #expect(inspection.columns.first { $0.name == "Name" }?.kind == .text)
        #expect(inspection.warnings.isEmpty)
    }

    /// Inspect warns about a calendar's gaps as a forecast of the file does: a shop closed on
    /// Sundays is named so.
    @Test func inspectNamesClosedWeekdays() throws {
        var text = "date,sales\n"
        for day in 0..<71 where day % 7 != 6 {
            text += String(format: "2026-%02d-%02d,%d\n", day < 30 ? 6 : day < 61 ? 7 : 8, day < 30 ? day + 1 : day < 61 ? day - 29 : day - 60, 100 + day % 7)
        }
        let inspection = try TableInspection.inspect(memorySource(text))
        #expect(inspection.warnings.contains { $0.message.contains("has no row on Sundays (10 days)") }, "\(inspection.warnings)")
    }
}
