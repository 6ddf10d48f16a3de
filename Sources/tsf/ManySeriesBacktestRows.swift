import Foundation
import Forecasting

/// Long-format backtest output: one row per series and method, then one aggregate row per method
/// with id `*`. One schema for both, so the whole output reads as one CSV table:
/// `id,model,series,MAE,sMAPE%,MASE,skill,OWA`, where for a series' row `skill` is its MASE over
/// the naive forecast's MASE and `OWA` is (sMAPE / naive sMAPE + skill) / 2, and for an aggregate
/// row both are ratios of the averages over series. `json` writes JSON Lines; `table` writes CSV,
/// since rows stream before every series is done.
struct ManySeriesBacktestRows {
    let format: OutputFormat
    static let columns = ["id", "model", "series", "MAE", "sMAPE%", "MASE", "skill", "OWA"]

    var header: String { format == .json ? "" : Self.columns.joined(separator: ",") + "\n" }

    func render(id: String, scores: [BacktestScore]) -> String {
        let naive = scores.first { $0.method == "naive" }
        return scores.map { score -> String in
            let skill = naive.flatMap { score.relativeMASE(to: $0) }
            let relativeSMAPE = naive.flatMap { $0.symmetricMeanAbsolutePercentageError > 0
                ? score.symmetricMeanAbsolutePercentageError / $0.symmetricMeanAbsolutePercentageError : nil }
            let owa = skill.flatMap { s in relativeSMAPE.map { (s + $0) / 2 } }
            return line([id, score.method, "1"], [score.meanAbsoluteError, score.symmetricMeanAbsolutePercentageError,
                                                  score.meanAbsoluteScaledError, skill, owa])
        }.joined()
    }

    func render(summary: ManySeriesBacktestSummary) -> String {
        summary.rows.map { row in
            line(["*", row.method, String(row.series)], [row.meanAbsoluteError, row.symmetricMeanAbsolutePercentageError,
                                                          row.meanAbsoluteScaledError, row.relativeMASE, row.overallWeightedAverage])
        }.joined()
    }

    private func line(_ texts: [String], _ numbers: [Double?]) -> String {
        switch format {
        case .json:
            let fields = zip(Self.columns, texts).map { name, text in
                "\(ForecastTable.jsonString(name)): " + (name == "series" ? text : ForecastTable.jsonString(text))
            } + zip(Self.columns.dropFirst(3), numbers).map { name, value in
                "\(ForecastTable.jsonString(name)): " + (value.map(ForecastTable.exact) ?? "null")
            }
            return "{" + fields.joined(separator: ", ") + "}\n"
        case .csv, .table:
            return (texts.map(ManySeriesForecastRows.csvField) + numbers.map { $0.map(ForecastTable.exact) ?? "" })
                .joined(separator: ",") + "\n"
        }
    }
}
