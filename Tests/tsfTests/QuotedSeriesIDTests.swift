import Foundation
import Testing
import _ForecastTestSupport

/// An id that holds a comma is named in `--series` in double quotes, as in the file: alone (one
/// series) or in a list (several), where it was split at its comma and not found.
@Suite struct QuotedSeriesIDTests {
    static func file() -> String {
        var lines = ["store,month,sales"]
        for (index, store) in ["\"Store, North\"", "South"].enumerated() {
            for month in 0..<36 {
                lines.append(String(format: "%@,%d-%02d-01,%d", store, 2020 + month / 12, month % 12 + 1, 100 * (index + 1) + month % 12))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test(arguments: [(#""Store, North""#, 1), (#""Store, North",South"#, 2)])
    func aQuotedIDWithACommaIsFound(series: String, count: Int) throws {
        let folder = try ScratchFolder()
        let path = try folder.write("stores.csv", Self.file())
        let outcome = try CLIRunner.run(["forecast", path, "--id", "store", "--series", series, "--column", "sales",
                                         "--horizon", "2", "--epochs", "1", "--hidden", "2", "--format", "csv"])
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        let rows = outcome.stdout.split(separator: "\n").dropFirst()
        #expect(rows.count == 2 * count, "\(outcome.stdout)")
    }
}
