import Foundation
import Testing
import _ForecastTestSupport

/// `tsf` on files dated by a year and a month (or quarter) column: they forecast and inspect as
/// monthly or quarterly series, a bad month is one sentence naming its line with exit 65, and a
/// named date column keeps the years alone, with the remedy worded as flags.
@Suite struct YearMonthCommandTests {
    static func salesCSV(header: String = "Year,Month,Value", edit: (inout [String]) -> Void = { _ in }) -> String {
        var lines = [header]
        for row in 0..<48 { lines.append("\(2020 + row / 12),\(row % 12 + 1),\(100 + row + (row % 12 < 6 ? 0 : 10))") }
        edit(&lines)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `2024-01` … `2024-12`.
    static let months2024 = (1...12).map { month -> String in month < 10 ? "2024-0\(month)" : "2024-\(month)" }

    static let quick = ["--epochs", "2", "--hidden", "4", "--format", "csv"]

    @Test func aYearAndMonthFileForecastsTwelveMonths() throws {
        let folder = try ScratchFolder()
        let path = try folder.write("sales.csv", Self.salesCSV())
        let outcome = try CLIRunner.run(["forecast", path, "--column", "Value", "--horizon", "12"] + Self.quick)
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        let dates = outcome.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] }
        #expect(dates.map(String.init) == Self.months2024)
        #expect(outcome.stderr.contains("tsf: warning: \(path): rows are dated by \"Year\" and \"Month\" together"))
    }

    @Test func aYearAndQuarterFileIsQuarterly() throws {
        let folder = try ScratchFolder()
        var lines = ["Year,Quarter,Sales"]
        for row in 0..<16 { lines.append("\(2020 + row / 4),Q\(row % 4 + 1),\(200 + row)") }
        let path = try folder.write("quarters.csv", lines.joined(separator: "\n") + "\n")
        let outcome = try CLIRunner.run(["inspect", path])
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("Time column: Year and Quarter, year and quarter (2019-Q1)"))
        #expect(outcome.stdout.contains("Range:       2020-Q1 … 2023-Q4"))
        #expect(outcome.stdout.contains("Frequency:   quarterly, season period 4"))
    }

    @Test func aMonthOutOfRangeIsOneSentenceWithExit65() throws {
        let folder = try ScratchFolder()
        let path = try folder.write("sales.csv", Self.salesCSV { $0[30] = "2022,13,5" })
        let outcome = try CLIRunner.run(["forecast", path, "--column", "Value"] + Self.quick)
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr == "tsf: \(path):31: column \"Month\": \"13\" is not a month (1 to 12, or a month's name such as Mar, März or mars).\n")
        #expect(outcome.stdout.isEmpty)
    }

    @Test func aNamedDateColumnKeepsTheYearsAlone() throws {
        let folder = try ScratchFolder()
        let path = try folder.write("sales.csv", Self.salesCSV())
        let outcome = try CLIRunner.run(["forecast", path, "--column", "Value", "--date-column", "Year"] + Self.quick)
        #expect(outcome.exitCode == 65)
        #expect(outcome.stderr == "tsf: \(path):3: timestamp 2020 already appears on line 2; the rows are dated by \"Year\" and \"Month\" together: leave out --date-column and --date-format to read them as one date column.\n")
    }
}
