import Foundation
import Testing
import _ForecastTestSupport

/// Where some methods have no interval (their errors near the largest double overflow), every row
/// of a backtest still has every interval column, undefined where it has none: the table used to
/// crash on the shorter rows, and the CSV to have ragged ones.
@Suite struct BacktestIntervalColumnsTests {
    static func file() -> String {
        var lines = ["date,value"]
        for day in 0..<100 {
            let date = Date(timeIntervalSince1970: 1_577_836_800 + Double(day) * 86_400)
            let text = ISO8601DateFormatter.string(from: date, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
            lines.append("\(text),\(1.7e308 * (1 - 0.01 * abs(sin(Double(day)))))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func everyRowHasEveryIntervalColumn() throws {
        let folder = try ScratchFolder()
        let path = try folder.write("huge.csv", Self.file())
        let arguments = ["backtest", path, "--column", "value", "--horizon", "3", "--folds", "3", "--epochs", "1", "--hidden", "2", "--level", "80"]
        let table = try CLIRunner.run(arguments)
        #expect(table.exitCode == 0, "\(table.stderr)")
        #expect(table.stdout.contains("cover80%"))
        let csv = try CLIRunner.run(arguments + ["--format", "csv"])
        #expect(csv.exitCode == 0, "\(csv.stderr)")
        let rows = csv.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).count }
        #expect(rows.count > 2 && Set(rows).count == 1, "\(csv.stdout)")
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
