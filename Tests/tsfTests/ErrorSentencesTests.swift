import ForecastActions
import ForecastIO
import Forecasting
import Testing
import _ForecastTestSupport
@testable import tsf

/// The tool words library errors with its flags, in exactly the sentences it printed when the
/// library named the flags itself, and with the same exit codes.
@Suite struct ErrorSentencesTests {
    static let readErrors: [(CSVReadError, String)] = [
        (.missingValue(file: "f.csv", line: 3, column: "Close"),
         "f.csv:3: column \"Close\" has a missing value; choose --missing-policy drop, ffill or linear to accept gaps."),
        (.ambiguousDateFormat(file: "f.csv", column: "Date", candidates: ["%d/%m/%Y", "%m/%d/%Y"]),
         "f.csv: column \"Date\" fits several date formats (%d/%m/%Y, %m/%d/%Y); choose one: --date-format %d/%m/%Y reads 03/04/2020 as 3 April, --date-format %m/%d/%Y as 4 March; the right one puts the dates on a regular calendar (tsf inspect with each --date-format shows the calendar it gives)."),
        (.unknownDateFormat(file: "f.csv", column: "Date", example: "soon"),
         "f.csv: column \"Date\" holds dates in no known format (e.g. \"soon\"); give the format with --date-format."),
        (.notANumber(file: "f.csv", line: 2, column: "Volume", value: "1,204,300", remedy: .setThousandsSeparator(",")),
         "f.csv:2: column \"Volume\": \"1,204,300\" is not a number; if \",\" separates thousands, pass --thousands \",\"."),
        (.notANumber(file: "f.csv", line: 2, column: "v", value: "1.5", remedy: .setThousandsOrDecimalSeparator(".")),
         "f.csv:2: column \"v\": \"1.5\" is not a number; if \".\" separates thousands, pass --thousands \".\"; if it marks decimals, pass --decimal \".\"."),
        (.notANumber(file: "f.csv", line: 6, column: "Close", value: "1O2.30", remedy: nil),
         "f.csv:6: column \"Close\": \"1O2.30\" is not a number."),
        (.duplicateTimestamp(file: "f.csv", timestamp: "2021-01-05", firstLine: 2, secondLine: 3,
                             longFormat: .pickSeries(idColumn: "symbol", series: "AAA")),
         "f.csv:3: timestamp 2021-01-05 already appears on line 2; choose --duplicates first or last, or if the file holds several series, pick one with --id symbol --series AAA."),
        (.duplicateTimestamp(file: "f.csv", timestamp: "2021-01-05", firstLine: 2, secondLine: 3, longFormat: nil),
         "f.csv:3: timestamp 2021-01-05 already appears on line 2; choose --duplicates first or last."),
        (.duplicateTimestamp(file: "f.csv", timestamp: "2021", firstLine: 2, secondLine: 3,
                             longFormat: .readDateColumnsTogether(first: "Year", second: "Month")),
         "f.csv:3: timestamp 2021 already appears on line 2; the rows are dated by \"Year\" and \"Month\" together: leave out --date-column and --date-format to read them as one date column."),
        (.invalidDatePart(file: "f.csv", line: 4, column: "Quarter", value: "Q5", expected: "quarter (1 to 4, or Q1 to Q4)"),
         "f.csv:4: column \"Quarter\": \"Q5\" is not a quarter (1 to 4, or Q1 to Q4)."),
        (.invalidOption(.idColumnAndSeriesApart),
         "--id and --series go together: --id names the column, --series the value to keep."),
        (.invalidOption(.decimalSeparator(UInt8(ascii: "x"))), "The decimal separator must be \".\" or \",\"."),
        (.invalidOption(.thousandsSeparatorIsDecimal(UInt8(ascii: ","))), "The thousands separator cannot be the decimal separator (\",\")."),
        (.invalidOption(.columnInTwoRoles(column: "Date", role: .time, otherRole: .id)),
         "Column \"Date\" is the time column; it cannot also be the id column."),
        (.fileNotFound(file: "f.csv"), "f.csv: no such file."),
    ]

    @Test(arguments: readErrors)
    func readErrorsKeepTheirSentence(error: CSVReadError, sentence: String) {
        #expect(ToolFailure.sentence(for: error) == sentence)
    }

    static let forecasterErrors: [(ForecasterError, String)] = [
        (.seriesTooShort(rows: 12, needed: 20, lookback: 10, horizon: 5),
         "The series has 12 usable rows but needs at least 20 (lookback 10 + horizon 5, plus validation); lower --lookback or --horizon, or set --validation-fraction 0."),
        (.notPositiveForLogTransform(row: 2, value: -1, transform: .logReturn),
         "The log-return transform needs positive values, but row 3 holds -1.0; train with --transform difference or none."),
        (.featuresUnknownBeyondHorizon(steps: 8, horizon: 4),
         "A model with feature columns forecasts at most its horizon of 4 steps, not 8: future feature values are unknown; train with --horizon 8."),
        (.unusableTrainedModel(epoch: 3, loss: nil),
         "Training ended in epoch 3 with a model giving forecasts that are not numbers; lower --learning-rate or enable gradient clipping with --clip-norm."),
        (.invalidConfiguration(setting: "hiddenSize", value: "0", requirement: "at least 1"),
         "Invalid forecaster setting: the hidden size must be at least 1, not 0."),
        (.noSeriesLongEnough(lookback: 10, horizon: 5),
         "Invalid forecaster setting: no series can train a network across series: each is constant or too short for a training window of lookback 10 and horizon 5."),
        (.constantSeries(value: 5), "Every value of the series is 5.0: there is nothing for a model to learn, and the only forecast it supports is that value."),
    ]

    @Test(arguments: forecasterErrors)
    func forecasterErrorsKeepTheirSentence(error: ForecasterError, sentence: String) {
        #expect(ToolFailure.sentence(for: error) == sentence)
    }

    @Test func aShortSeriesNamesItsFileAndColumn() {
        let failure = ShortSeriesFailure(file: "prices.csv", column: "Close", rows: 1, needed: 20, lookback: 10, horizon: 5)
        #expect(ToolFailure.sentence(for: failure)
            == "prices.csv: column \"Close\" has 1 usable row but needs at least 20 (lookback 10 + horizon 5, plus validation); lower --lookback or --horizon, or set --validation-fraction 0.")
    }

    @Test func exitCodesAreUnchanged() {
        #expect(ToolFailure.exitCode(for: ForecasterError.invalidConfiguration(setting: "layers", value: "0", requirement: "at least 1")) == .usage)
        #expect(ToolFailure.exitCode(for: ForecasterError.noSeries) == .usage)
        #expect(ToolFailure.exitCode(for: ForecasterError.noSeriesLongEnough(lookback: 10, horizon: 5)) == .usage)
        #expect(ToolFailure.exitCode(for: ForecasterError.seriesTooShort(rows: 1, needed: 20, lookback: 10, horizon: 5)) == .badData)
        #expect(ToolFailure.exitCode(for: CSVReadError.invalidOption(.idColumnAndSeriesApart)) == .usage)
        #expect(ToolFailure.exitCode(for: CSVReadError.missingValue(file: "f.csv", line: 3, column: "Close")) == .badData)
    }

    @Test func theToolPrintsTheFlagSentenceForAnAmbiguousDate() throws {
        let path = IOFixtures.fixture("ambiguous_dates.csv").path
        let outcome = try CLIRunner.run(["inspect", path])
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr.hasPrefix("tsf: \(path): column \"Date\" fits several date formats ("))
        // Both readings, each with what it makes of the same text, so the user can tell them apart.
        #expect(outcome.stderr.hasSuffix("); choose one: --date-format %m/%d/%Y reads 03/04/2020 as 4 March, --date-format %d/%m/%Y as 3 April; the right one puts the dates on a regular calendar (tsf inspect with each --date-format shows the calendar it gives).\n"))
    }

    @Test func theToolWordsAnIdWithoutSeries() {
        #expect(ToolFailure.sentence(for: CSVReadError.invalidOption(.idColumnAndSeriesApart))
            == "--id and --series go together: --id names the column, --series the value to keep.")
        #expect(ToolFailure.exitCode(for: CSVReadError.invalidOption(.idColumnAndSeriesApart)) == .usage)
    }

    /// Values named in advice can be pasted into a shell: quoted where they hold spaces or quotes,
    /// and a series id with a comma in the double quotes `--series` reads it in.
    @Test func adviceQuotesValuesForAShell() {
        #expect(ShellWord.quoted("AAPL") == "AAPL")
        #expect(ShellWord.quoted("09:00") == "09:00")
        #expect(ShellWord.quoted("Nord Hamburg") == "'Nord Hamburg'")
        #expect(ShellWord.quoted("it's") == "'it'\\''s'")
        #expect(ShellWord.series("Nord, Hamburg") == "'\"Nord, Hamburg\"'")
        #expect(ShellWord.series("South") == "South")
        #expect(ErrorSentences.flags(for: .pickSeries(idColumn: "store id", series: "Store, North"))
                == "if the file holds several series, pick one with --id 'store id' --series '\"Store, North\"'")
    }

    /// One row is one row, and one window one window.
    @Test func oneRowIsSingular() {
        let error = BacktestPlanningError.startAfterEnd(start: 1, rows: 1, horizon: 1)
        #expect(error.errorDescription?.contains("the series has 1 row:") == true, "\(error.errorDescription ?? "")")
        #expect(ActionErrorSentences.sentence(for: error)?.hasPrefix("The series has 1 row, and --start 1") == true)
    }
}
