import Forecasting

/// Long-format backtest output: one row per series and method, then one aggregate row per method
/// with id `*`. One schema for both, so the whole output reads as one CSV table:
/// `id,model,series,MAE,sMAPE%,MASE,relMASE,OWA`, where for a series' row `relMASE` is its MASE over
/// the naive forecast's MASE and `OWA` is (sMAPE / naive sMAPE + relMASE) / 2, and for an aggregate
/// row both are ratios of the averages over series. `json` writes JSON Lines; `table` writes CSV,
/// since rows stream before every series is done.
public struct ManySeriesBacktestRows: Sendable {
    public let format: OutputFormat
    public init(format: OutputFormat) { self.format = format }
    static let columns = ["id", "model", "series", "MAE", "sMAPE%", "MASE", "relMASE", "OWA"]

    /// The header line; empty for JSON Lines.
    public var header: String { format == .json ? "" : Self.columns.joined(separator: ",") + "\n" }

    /// One series' rows, a row per method.
    public func rendered(id: String, scores: [BacktestScore]) -> String {
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

    /// The aggregate rows (id `*`).
    public func rendered(summary: ManySeriesBacktestSummary) -> String {
        summary.rows.map { row in
            line(["*", row.method, String(row.series)], [row.meanAbsoluteError, row.symmetricMeanAbsolutePercentageError,
                                                          row.meanAbsoluteScaledError, row.relativeMASE, row.overallWeightedAverage])
        }.joined()
    }

    private func line(_ texts: [String], _ numbers: [Double?]) -> String {
        switch format {
        case .json:
            let labels: [String: MetricRow.Label] = ["id": .text(texts[0]), "model": .text(texts[1]), "series": .count(Int(texts[2]) ?? 0)]
            return ResultJSON.line(MetricRow(labels: labels, metrics: Array(zip(Self.columns.dropFirst(3), numbers)).map { (name: $0.0, value: $0.1) }))
        case .csv, .table:
            return (texts.map(TextTable.csvField) + numbers.map { $0.map(TextTable.exact) ?? "" })
                .joined(separator: ",") + "\n"
        }
    }
}
