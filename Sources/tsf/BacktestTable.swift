import Foundation
import Forecasting

/// The backtest results as a table of metrics: one row per model, or per model and fold.
struct BacktestTable {
    let entries: [BacktestSuite.Entry]
    let series: TimeSeries
    let plan: BacktestPlan
    let seasonPeriod: Int

    /// The naive forecast's score, the yardstick of "skill".
    var naive: BacktestScore? { entries.first { $0.name == "naive" }?.score }

    /// The row with the lowest MASE.
    var best: String? {
        entries.filter { $0.score.meanAbsoluteScaledError != nil }
            .min { $0.score.meanAbsoluteScaledError! < $1.score.meanAbsoluteScaledError! }?.name
    }

    /// Column names and values of one score; nil values print as "undefined".
    func columns(_ score: BacktestScore) -> [(String, Double?)] {
        var columns: [(String, Double?)] = [
            ("MAE", score.meanAbsoluteError), ("RMSE", score.rootMeanSquaredError),
            ("MAPE%", score.meanAbsolutePercentageError), ("sMAPE%", score.symmetricMeanAbsolutePercentageError),
            ("MASE", score.meanAbsoluteScaledError), ("RMSSE", score.rootMeanSquaredScaledError),
            ("R2", score.coefficientOfDetermination), ("bias", score.meanError),
            ("dir%", score.directionalAccuracy),
            ("skill", naive.flatMap { score.relativeMASE(to: $0) }),
        ]
        for interval in score.intervals {
            let level = Int((interval.level * 100).rounded())
            columns += [("cover\(level)%", interval.coverage), ("width\(level)", interval.meanWidth),
                        ("winkler\(level)", interval.winklerScore)]
        }
        return columns
    }

    func render(_ format: OutputFormat) -> String {
        let rows = entries.map { entry in (name: entry.name, columns: columns(entry.score)) }
        switch format {
        case .table:
            let header = ["model"] + (rows.first?.columns.map(\.0) ?? [])
            let body = rows.map { row in
                [row.name + (row.name == best ? " *" : "")] + row.columns.map { Self.cell($0.1) }
            }
            let caption = "\(plan.cutoffs.count) folds of \(plan.horizon) steps, MASE season \(seasonPeriod); * best MASE; skill = MASE / naive MASE; auto = the network or a baseline, chosen on each fold's validation part"
            return Self.aligned([header] + body) + caption + "\n"
        case .csv:
            let header = ["model", "best"] + (rows.first?.columns.map(\.0) ?? [])
            let body = rows.map { row in [row.name, row.name == best ? "1" : "0"] + row.columns.map { Self.exact($0.1) } }
            return Self.csv([header] + body)
        case .json:
            let models = rows.map { row -> String in
                return "    {\"model\": \(ForecastTable.jsonString(row.name)), \"best\": \(row.name == best), " + Self.jsonFields(row.columns) + "}"
            }
            return "{\n  \"column\": \(ForecastTable.jsonString(series.name)),\n  \"folds\": \(plan.cutoffs.count),\n  \"horizon\": \(plan.horizon),\n  \"season\": \(seasonPeriod),\n  \"models\": [\n" + models.joined(separator: ",\n") + "\n  ]\n}\n"
        }
    }

    /// One row per model and fold.
    func renderFolds(_ format: OutputFormat) -> String {
        var rows: [(model: String, fold: Int, cutoff: String, columns: [(String, Double?)])] = []
        for entry in entries {
            for fold in entry.folds {
                let score = BacktestScore(method: entry.name, folds: [fold])
                let cutoff = series.timestamps.map { series.format($0[fold.cutoff]) } ?? String(fold.cutoff)
                rows.append((entry.name, fold.fold + 1, cutoff,
                             columns(score).filter { $0.0 != "skill" }))
            }
        }
        let names = rows.first?.columns.map(\.0) ?? []
        switch format {
        case .table:
            let header = ["model", "fold", "first target"] + names
            let body = rows.map { [$0.model, String($0.fold), $0.cutoff] + $0.columns.map { Self.cell($0.1) } }
            return Self.aligned([header] + body)
        case .csv:
            let header = ["model", "fold", "first_target"] + names
            let body = rows.map { [$0.model, String($0.fold), $0.cutoff] + $0.columns.map { Self.exact($0.1) } }
            return Self.csv([header] + body)
        case .json:
            let lines = rows.map { row -> String in
                return "    {\"model\": \(ForecastTable.jsonString(row.model)), \"fold\": \(row.fold), \"first_target\": \(ForecastTable.jsonString(row.cutoff)), " + Self.jsonFields(row.columns) + "}"
            }
            return "{\n  \"folds\": [\n" + lines.joined(separator: ",\n") + "\n  ]\n}\n"
        }
    }

    /// Rows of fields as CSV lines, with a final newline.
    static func csv(_ rows: [[String]]) -> String {
        rows.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n"
    }

    /// `"name": value` pairs of one JSON object, comma-separated.
    static func jsonFields(_ columns: [(String, Double?)]) -> String {
        columns.map { "\(ForecastTable.jsonString($0.0)): \(json($0.1))" }.joined(separator: ", ")
    }

    static func cell(_ value: Double?) -> String {
        guard let value else { return "undefined" }
        return String(format: "%.4g", value)
    }

    static func exact(_ value: Double?) -> String { value.map { "\($0)" } ?? "" }

    static func json(_ value: Double?) -> String { value.map { "\($0)" } ?? "null" }

    /// Left-aligned first column, right-aligned numbers.
    static func aligned(_ rows: [[String]]) -> String {
        guard let width = rows.first?.count else { return "" }
        let widths = (0..<width).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { index, text in
                let pad = String(repeating: " ", count: widths[index] - text.count)
                return index == 0 ? text + pad : pad + text
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}
