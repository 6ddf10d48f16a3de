import Foundation
import Testing
import _ForecastTestSupport

/// Where some methods have no interval (seasonal-naive and the moving average on folds with too
/// few past errors of their own), every row of a backtest still has every interval column,
/// undefined where it has none: the table used to crash on the shorter rows, and the CSV to have
/// ragged ones.
@Suite struct BacktestIntervalColumnsTests {
    /// 19 months of a seasonal series with a trend: folds from 15 and 16 rows leave seasonal-naive
    /// (season 12) fewer than the 4 calibration forecasts an 80 % interval needs.
    static func file() -> String {
        var lines = ["date,value"]
        for month in 0..<19 {
            let t = Double(month)
            let value = 100 + 10 * sin(t * 2 * Double.pi / 12) + 0.5 * t + 3 * sin(t * 1.7)
            lines.append(String(format: "%d-%02d-01,%.3f", 2000 + month / 12, 1 + month % 12, value))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func everyRowHasEveryIntervalColumn() throws {
        let folder = try ScratchFolder()
        let path = try folder.write("short.csv", Self.file())
        let arguments = ["backtest", path, "--column", "value", "--horizon", "3", "--start", "15", "--stride", "1",
                         "--epochs", "1", "--hidden", "2", "--level", "80"]
        let table = try CLIRunner.run(arguments)
        #expect(table.exitCode == 0, "\(table.stderr)")
        let seasonal = try #require(table.stdout.split(separator: "\n").first { $0.hasPrefix("seasonal-naive") })
        #expect(seasonal.hasSuffix("undefined"), "\(table.stdout)")
        let csv = try CLIRunner.run(arguments + ["--format", "csv"])
        #expect(csv.exitCode == 0, "\(csv.stderr)")
        let rows = csv.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).count }
        #expect(rows.count > 2 && Set(rows).count == 1, "\(csv.stdout)")
        #expect(csv.stdout.split(separator: "\n").first?.contains("cover80%") == true)
        #expect(!csv.stdout.contains("nan"))
    }

    /// A level no method can calibrate on a short series is said so, where its columns went
    /// missing without a word.
    @Test func aLevelNoMethodCalibratesIsNoted() throws {
        let folder = try ScratchFolder()
        var lines = ["date,value"]
        for month in 0..<60 {
            let value = 100 + 5 * sin(Double(month))
            lines.append(String(format: "%d-%02d-01,%.3f", 2000 + month / 12, 1 + month % 12, value))
        }
        let text = lines.joined(separator: "\n") + "\n"
        let path = try folder.write("short.csv", text)
        let outcome = try CLIRunner.run(["backtest", path, "--column", "value", "--horizon", "3", "--folds", "3", "--epochs", "1",
                                         "--hidden", "2", "--level", "99"])
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("no 99 % interval could be scored"), "\(outcome.stderr)")
    }
}
