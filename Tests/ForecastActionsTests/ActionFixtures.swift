import ForecastActions
import Foundation
import _ForecastTestSupport

/// Small series as CSV text and a configuration that trains in a blink, for the actions' tests.
enum ActionFixtures {
    /// A monthly series of `rows` months from 2000-01 with a yearly season and a trend.
    static func monthlyCSV(rows: Int = 72, column: String = "sales") -> String {
        var lines = ["month,\(column)"]
        for row in 0..<rows {
            let value = 100 + Double(row) + 10 * sin(Double(row) * 2 * .pi / 12)
            lines.append(String(format: "%04d-%02d,%.3f", 2000 + row / 12, row % 12 + 1, value))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A long-format file of `ids`, each a monthly series of `rows[i]` rows, grouped by id.
    static func longCSV(ids: [String], rows: [Int]) -> String {
        var lines = ["id,month,value"]
        for (index, id) in ids.enumerated() {
            for row in 0..<rows[index] {
                let value = 50 + Double(index * 10) + Double(row) * 0.5 + 5 * sin(Double(row) * 2 * .pi / 12)
                lines.append(String(format: "%@,%04d-%02d,%.3f", id, 2000 + row / 12, row % 12 + 1, value))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Two epochs of a tiny LSTM on one thread: fast, deterministic.
    static var quick: ForecasterConfiguration { ForecasterConfiguration(hiddenSize: 4, epochs: 2, threads: 1) }
}

/// Collects what an action reported, from any thread.
final class ReportLog: Sendable {
    private let entries = Locked<[String]>([])

    func append(_ entry: String) { entries.withLock { $0.append(entry) } }
    var all: [String] { entries.value }

    /// A reporter that records warnings, notes and failed series as `warning: …`, `note: …`, `failed id`.
    var reporter: ActionReporter {
        ActionReporter(warning: { self.append("warning: \($0.message)") }, note: { self.append("note: \($0)") },
                       seriesFailed: { id, _ in self.append("failed \(id)") })
    }
}
