import ForecastIO
import Testing

/// Reader errors as data: the fields a host needs, and sentences in the library's words that name
/// no command-line flag, since apps embedding the library have none.
@Suite struct CSVReadErrorRemedyTests {
    static let errorsWithRemedies: [CSVReadError] = [
        .notANumber(file: "f.csv", line: 2, column: "Volume", value: "1,204,300", remedy: .setThousandsSeparator(",")),
        .notANumber(file: "f.csv", line: 2, column: "Close", value: "1.5", remedy: .setThousandsOrDecimalSeparator(".")),
        .missingValue(file: "f.csv", line: 3, column: "Close"),
        .ambiguousDateFormat(file: "f.csv", column: "Date", candidates: ["%d/%m/%Y", "%m/%d/%Y"]),
        .unknownDateFormat(file: "f.csv", column: "Date", example: "soon"),
        .duplicateTimestamp(file: "f.csv", timestamp: "2021-01-05", firstLine: 2, secondLine: 3,
                            longFormat: .pickSeries(idColumn: "symbol", series: "AAA")),
        .duplicateTimestamp(file: "f.csv", timestamp: "2021", firstLine: 2, secondLine: 3,
                            longFormat: .readDateColumnsTogether(first: "Year", second: "Month")),
        .invalidOption(.idColumnAndSeriesApart),
        .invalidOption(.decimalSeparator(UInt8(ascii: "x"))),
        .invalidOption(.dateFormatWithoutDirective(pattern: "dd/mm")),
        .invalidOption(.thousandsSeparatorIsDecimal(UInt8(ascii: ","))),
        .invalidOption(.columnInTwoRoles(column: "Date", role: .time, otherRole: .value)),
    ]

    @Test(arguments: errorsWithRemedies)
    func descriptionNamesNoFlagAndEndsWithItsRemedies(error: CSVReadError) throws {
        let description = try #require(error.errorDescription)
        #expect(!description.contains("--"))
        #expect(description.hasPrefix(error.problem))
        #expect(description.hasSuffix("."))
        for remedy in error.remedies { #expect(description.contains(remedy.description)) }
    }

    @Test func missingValueHoldsFileLineColumnAndItsRemedy() {
        let error = readError { try SeriesReader.read(fixtureSource("missing_tokens.csv"), target: "Close", options: CSVReadOptions(missingPolicy: .error)) }
        guard case .missingValue(let file, let line, let column) = error else {
            Issue.record("expected a missing value, got \(String(describing: error))")
            return
        }
        #expect(file == fixturePath("missing_tokens.csv") && line == 3 && column == "Close")
        #expect(error?.remedies == [.chooseMissingPolicy])
        #expect(error?.errorDescription == "\(file):3: column \"Close\" has a missing value; choose the missing-value policy drop, ffill or linear to accept gaps.")
    }

    @Test func unknownDateFormatHoldsTheColumnAndAnExample() {
        let error = readError {
            try SeriesReader.read(memorySource("Date,Close\nsoon,1\nlater,2\n"), target: "Close",
                                  options: CSVReadOptions(dateColumn: "Date"))
        }
        #expect(error == .unknownDateFormat(file: "memory.csv", column: "Date", example: "soon"))
        #expect(error?.remedies == [.giveDateFormat])
    }

    @Test func oneForeignSeparatorMayMarkThousandsOrDecimals() {
        let options = CSVReadOptions(delimiter: UInt8(ascii: ";"), decimalSeparator: UInt8(ascii: "."))
        let error = readError { try SeriesReader.read(memorySource("d;v\n2021-01-04;1,5\n2021-01-05;2\n"), target: "v", options: options) }
        #expect(error == .notANumber(file: "memory.csv", line: 2, column: "v", value: "1,5",
                                     remedy: .setThousandsOrDecimalSeparator(",")))
    }

    @Test func anIdColumnWithoutASeriesIsAnOptionProblem() {
        let error = readError { try TableInspection.inspect(fixtureSource("long_format.csv"), options: CSVReadOptions(idColumn: "symbol")) }
        #expect(error == .invalidOption(.idColumnAndSeriesApart))
        #expect(error?.category == .usage)
    }

    @Test func aColumnInTwoRolesIsNamed() {
        let error = readError {
            try SeriesReader.read(fixtureSource("good_prices.csv"), target: "Date")
        }
        #expect(error == .invalidOption(.columnInTwoRoles(column: "Date", role: .time, otherRole: .value)))
        #expect(error?.errorDescription == "Column \"Date\" is the time column; it cannot also be a value column.")
    }
}
