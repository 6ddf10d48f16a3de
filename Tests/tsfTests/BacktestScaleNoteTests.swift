import Foundation
import Testing
import _ForecastTestSupport

/// The backtest's note on folds without a MASE scale gives each fold's real reason: a history no
/// longer than a season has no seasonal-naive error at all, where the note once said it never changed.
@Suite struct BacktestScaleNoteTests {
    /// Daily rows: `flat` of 5.0 first, then a zigzag, `rows` in all.
    static func file(rows: Int, flat: Int) -> String {
        var lines = ["date,value"]
        for day in 0..<rows {
            let date = Date(timeIntervalSince1970: 1_577_836_800 + Double(day) * 86_400)
            let text = ISO8601DateFormatter.string(from: date, timeZone: TimeZone(identifier: "UTC")!, formatOptions: [.withFullDate])
            lines.append("\(text),\(day < flat ? 5.0 : 10 + Double(day % 3) + 0.5 * Double(day))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func note(rows: Int, flat: Int, start: Int) throws -> String {
        let folder = try ScratchFolder()
        let path = try folder.write("short.csv", Self.file(rows: rows, flat: flat))
        let outcome = try CLIRunner.run(["backtest", path, "--column", "value", "--horizon", "1", "--season", "3",
                                         "--start", "\(start)", "--stride", "1", "--baselines", "naive"])
        #expect(outcome.exitCode == 0, "\(outcome.stderr)")
        return try #require(outcome.stderr.split(separator: "\n").first { $0.contains("MASE, RMSSE") }.map(String.init),
                            "\(outcome.stderr)")
    }

    @Test func aHistoryNoLongerThanASeasonIsSaidToBeShort() throws {
        // Folds after 2, 3, 4, 5 rows: the first two hold no more than the season of 3.
        let note = try note(rows: 6, flat: 0, start: 2)
        #expect(note.contains("average 2 of 4 folds: the history before 2 folds holds no more than a season (3 rows), so there is no seasonal-naive error to scale them; MAE"), "\(note)")
        #expect(!note.contains("never changed"))
    }

    @Test func aFlatHistoryIsSaidNeverToHaveChangedBesideAShortOne() throws {
        // Folds after 3 rows (short), 4 and 5 (all 5.0), 6 and 7 (changing).
        let note = try note(rows: 8, flat: 5, start: 3)
        #expect(note.contains("average 2 of 5 folds: the history before one fold holds no more than a season (3 rows), so there is no seasonal-naive error to scale them; the history before 2 folds never changed over a season"), "\(note)")
    }
}
