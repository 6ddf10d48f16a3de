@testable import ForecastActions
import ForecastIO
import Testing
import _ForecastTestSupport

/// A file dated by a year column and a month column, through the actions an app and `tsf` call:
/// forecasts dated as months, the user told how the rows were dated, both columns shown as the date.
@Suite("Year and month actions")
struct YearMonthActionTests {
    /// Four years of `Jahr;Monat;Wert` from January 2020, months by name, decimal commas.
    static func germanMonthlyCSV() -> String {
        let names = ["Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"]
        var lines = ["Jahr;Monat;Wert"]
        for row in 0..<48 {
            let value = 100 + Double(row) + (row % 12 < 6 ? 0 : 10)
            lines.append("\(2020 + row / 12);\(names[row % 12]);\(Int(value)),25")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `2024-01` … `2024-12`.
    static let months2024 = (1...12).map { month -> String in month < 10 ? "2024-0\(month)" : "2024-\(month)" }

    @Test func aForecastIsDatedByMonthsAndSaysHowTheRowsWereDated() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("umsatz.csv", Self.germanMonthlyCSV())
        let log = ReportLog()
        let outcome = try ForecastAction(source: .file(file), selection: SeriesSelection(column: "Wert"),
                                         configuration: ActionFixtures.quick, steps: 12).run(reporter: log.reporter)
        #expect(outcome.result.steps.map(\.date) == Self.months2024)
        #expect(outcome.result.frequency == "monthly")
        #expect(log.all.contains("warning: \(file): rows are dated by \"Jahr\" and \"Monat\" together, read as one date column of months, written YYYY-MM (March 2024 as 2024-03)."))
    }

    @Test func inspectionShowsTheTwoColumnsAsTheDate() throws {
        let folder = try ScratchFolder()
        let file = try folder.write("umsatz.csv", Self.germanMonthlyCSV())
        let report = try InspectAction(source: .file(file)).run()
        let text = InspectAction.rendered(report, format: .text)
        #expect(text.contains("Time column: Jahr and Monat, ISO 8601 month (YYYY-MM)"))
        #expect(text.contains("Range:       2020-01 … 2023-12"))
        #expect(report.inspection.columns.map(\.kind) == [.date, .date, .numeric])
        #expect(report.longFormat == nil)
    }
}
