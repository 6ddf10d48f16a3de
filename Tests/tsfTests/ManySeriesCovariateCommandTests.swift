import Foundation
import Testing
import _ForecastTestSupport

/// `--features`, `--future-features` and `--static` with `--id`, run as users run them: each series'
/// future rows date its forecast, a series without them fails alone (exit 65), and every misuse is
/// one sentence with exit 64.
@Suite struct ManySeriesCovariateCommandTests {
    /// Three hourly stores of 120 rows, then `futureRows` rows each with the sales empty; `size` is
    /// one value per store. `edit` changes the lines (the header is line 0).
    static func file(futureRows: Int = 4, edit: (inout [String]) -> Void = { _ in }) -> String {
        var lines = ["store,time,sales,temp,plan,size"]
        for (index, store) in ["A", "B", "C"].enumerated() {
            for row in 0..<(120 + futureRows) {
                let hour = String(format: "2024-03-%02dT%02d:00", 1 + row / 24, row % 24)
                let plan = Double((row * 7 + index) % 11) - 5
                let sales = 50 + 20 * Double(index) + 10 * sin(Double(row) * 2 * .pi / 24) + 3 * plan
                let size = 100 * (index + 1)
                lines.append(row < 120 ? "\(store),\(hour),\(sales),\(Double(row % 5)),\(plan),\(size)" : "\(store),\(hour),,,\(plan),\(size)")
            }
        }
        edit(&lines)
        return lines.joined(separator: "\n") + "\n"
    }

    static let quick = ["--epochs", "2", "--hidden", "4", "--lookback", "12", "--format", "csv"]

    func rows(_ text: String) -> [[String]] {
        text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test(arguments: [false, true])
    func eachSeriesIsForecastAsFarAsItsFutureRowsReach(global: Bool) throws {
        let folder = try ScratchFolder()
        let path = try folder.write("stores.csv", Self.file(futureRows: 4))
        let outcome = try CLIRunner.run(["forecast", path, "--id", "store", "--column", "sales", "--future-features", "plan",
                                         "--horizon", "2"] + (global ? ["--global", "--static", "size"] : []) + Self.quick)
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        let table = rows(outcome.stdout)
        #expect(table.map { $0[0] } == ["A", "B", "C"].flatMap { Array(repeating: $0, count: 4) })
        #expect(table.prefix(4).map { String($0[2].prefix(16)) } == (0..<4).map { String(format: "2024-03-06T%02d:00", $0) })
        #expect(outcome.stderr.contains("series A: forecasting 4 steps: as far as the 4 future rows"))
    }

    /// Without `--horizon`, a series whose future rows fall short of the frequency's default says
    /// so, named, where it used to get fewer steps than the others in silence.
    @Test func aSeriesWithFewerFutureRowsThanTheDefaultSaysSo() throws {
        let folder = try ScratchFolder()
        // Store C keeps 3 of its 4 future rows; A and B keep 4.
        let path = try folder.write("stores.csv", Self.file { lines in lines.removeLast() })
        let outcome = try CLIRunner.run(["forecast", path, "--id", "store", "--column", "sales", "--future-features", "plan"] + Self.quick)
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        #expect(rows(outcome.stdout).filter { $0[0] == "C" }.count == 3)
        #expect(outcome.stderr.contains("series C: horizon 3, not the hourly default of 24 steps"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("series A: horizon 4, not the hourly default of 24"), "\(outcome.stderr)")
    }

    @Test(arguments: [false, true])
    func aSeriesWithoutFutureRowsFailsAloneWithExit65(global: Bool) throws {
        let folder = try ScratchFolder()
        // Store B's future rows are gone.
        let path = try folder.write("stores.csv", Self.file { lines in lines.removeSubrange(245...248) })
        let outcome = try CLIRunner.run(["forecast", path, "--id", "store", "--column", "sales", "--future-features", "plan",
                                         "--features", "temp", "--horizon", "2"] + (global ? ["--global"] : []) + Self.quick)
        #expect(outcome.exitCode == 65, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("tsf: series B: series \"B\" of \(path) has no future rows for the known-in-advance column \"plan\""))
        #expect(outcome.stderr.contains("1 of 3 series failed (B)"))
        #expect(rows(outcome.stdout).map { $0[0] } == ["A", "A", "C", "C"])
    }

    @Test(arguments: ["forecast", "backtest"])
    func aStaticValueThatChangesWithinASeriesFailsItWithExit65(command: String) throws {
        let folder = try ScratchFolder()
        // Line 200 of the file is a row of store B.
        let path = try folder.write("stores.csv", Self.file { lines in lines[199] = lines[199].replacingOccurrences(of: ",200", with: ",210") })
        let extra = command == "backtest" ? ["--folds", "1", "--baselines", "naive"] : []
        let outcome = try CLIRunner.run([command, path, "--id", "store", "--column", "sales", "--future-features", "plan",
                                         "--static", "size", "--global", "--horizon", "2"] + extra + Self.quick)
        #expect(outcome.exitCode == 65, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("\(path):200: static column \"size\" holds 210 for series \"B\", which holds 200 on line 126"),
                "\(outcome.stderr)")
        #expect(outcome.stderr.contains("1 of 3 series failed (B)"))
    }

    @Test(arguments: [
        (["forecast", "--static", "size"], "use them with --id and --global"),
        (["backtest", "--static", "size"], "use them with --id and --global"),
        (["forecast", "--global", "--static", "sales"], "--static repeats the target column"),
        (["forecast", "--global", "--static", "plan", "--future-features", "plan"], "named by both --static and --future-features"),
        (["backtest", "--global", "--static", "size", "--window", "sliding", "--window-length", "60"], "--window sliding cannot be used"),
    ])
    func misusesAreUsageErrors(_ arguments: [String], _ words: String) throws {
        let folder = try ScratchFolder()
        let path = try folder.write("stores.csv", Self.file())
        let outcome = try CLIRunner.run([arguments[0], path, "--id", "store", "--column", "sales"] + Array(arguments.dropFirst()) + Self.quick)
        #expect(outcome.exitCode == 64, "\(arguments): \(outcome.stderr)")
        #expect(outcome.stderr.contains(words), "\(arguments): \(outcome.stderr)")
        #expect(outcome.stdout.isEmpty)
    }

    @Test func trainRefusesStaticColumns() throws {
        let folder = try ScratchFolder()
        let path = try folder.write("stores.csv", Self.file())
        let outcome = try CLIRunner.run(["train", path, "--id", "store", "--series", "A", "--column", "sales", "--static", "size",
                                         "--out", folder.path("model.safetensors")])
        #expect(outcome.exitCode == 64)
        #expect(outcome.stderr.contains("use them with --id and --global"))
    }

    @Test func theGlobalBacktestScoresEveryModelWithCovariates() throws {
        let folder = try ScratchFolder()
        let path = try folder.write("stores.csv", Self.file())
        let outcome = try CLIRunner.run(["backtest", path, "--id", "store", "--column", "sales", "--features", "temp",
                                         "--future-features", "plan", "--static", "size", "--global", "--horizon", "2", "--folds", "2",
                                         "--baselines", "naive"] + Self.quick)
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        let table = rows(outcome.stdout)
        #expect(table.map { [$0[0], $0[1]] } == ["A", "B", "C", "*"].flatMap { id in ["lstm", "global-lstm", "naive"].map { [id, $0] } })
    }
}
