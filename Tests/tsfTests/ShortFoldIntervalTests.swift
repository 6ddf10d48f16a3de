import Foundation
import Testing
import _ForecastTestSupport

/// Intervals in a backtest whose first folds are short: a fold's network reads more rows than its
/// earliest calibration cut-offs hold, and its calibration starts where it can read them, where the
/// backtest failed with "the model reads 4 past rows but only 3 were given".
@Suite struct ShortFoldIntervalTests {
    static let values = [53.86, 54.35, 50.20, 47.71, 46.72, 50.09, 46.93, 45.69, 50.60, 50.40,
                         51.64, 47.26, 50.02, 49.81, 45.48, 51.61, 50.96, 57.17, 50.61, 49.57]

    @Test func aBacktestFromTheFifthRowScoresItsIntervals() throws {
        let folder = try ScratchFolder()
        let rows = Self.values.enumerated().map { String(format: "2023-03-%02d,%.2f", 6 + $0, $1) }
        let path = try folder.write("r20.csv", "date,v\n" + rows.joined(separator: "\n") + "\n")
        let outcome = try CLIRunner.run(["backtest", path, "--column", "v", "--epochs", "2", "--horizon", "1",
                                         "--start", "5", "--stride", "1", "--level", "80"])
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("15 folds of 1 step") && outcome.stdout.contains("cover80%"), "\(outcome.stdout)")
    }
}
