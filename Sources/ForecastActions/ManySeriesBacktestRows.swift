import ForecastConcurrency
import Forecasting

/// Long-format backtest output: one row per series and method, then one aggregate row per method
/// with id `*`. One schema for both, so the whole output reads as one CSV table:
/// `id,model,series,MAE,sMAPE%,MASE,relMASE,OWA`, where for a series' row `relMASE` is its MASE over
/// the naive forecast's MASE and `OWA` is (sMAPE / naive sMAPE + relMASE) / 2, and for an aggregate
/// row both are ratios of the averages over series. With interval levels, `coverNN%` and `msisNN`
/// follow for each level: a series' coverage and MSIS, and for an aggregate row the coverage pooled
/// over every series' steps and the mean MSIS. `csv` and `jsonl` stream each series' rows as it
/// finishes; `table` (aligned) and `json` (`{"series": [{"id", "models"}], "summary"}`) are written
/// once every series is done.
public final class ManySeriesBacktestRows: Sendable {
    public let format: OutputFormat
    /// Rows held for the formats written at the end: each series' id and its rows.
    private let held = Locked<[(id: String, rows: [Row])]>([])

    /// Interval levels as fractions, whose coverage and MSIS columns follow the others.
    public let levels: [Double]

    public init(format: OutputFormat, levels: [Double] = []) {
        self.format = format
        self.levels = levels
    }

    var columns: [String] {
        ["id", "model", "series", "MAE", "sMAPE%", "MASE", "relMASE", "OWA"]
            + levels.map(ForecastStep.percent).flatMap { ["cover\($0)%", "msis\($0)"] }
    }

    /// One table row: its labels and its numbers, in column order.
    struct Row: Sendable {
        let texts: [String]
        let numbers: [Double?]
    }

    /// What to write before the first series: the CSV header; nothing for the other formats.
    public var header: String { format == .csv ? columns.joined(separator: ",") + "\n" : "" }

    /// What to write once a series is done: a row per method for the streamed formats (`csv`,
    /// `jsonl`); nothing for `table` and `json`, which hold them until `rendered(summary:)`.
    public func rendered(id: String, scores: [BacktestScore]) -> String {
        let naive = scores.first { $0.method == "naive" }
        let rows = scores.map { score -> Row in
            let relativeMASE = naive.flatMap { score.relativeMASE(to: $0) }
            let relativeSMAPE = naive.flatMap { $0.symmetricMeanAbsolutePercentageError > 0
                ? score.symmetricMeanAbsolutePercentageError / $0.symmetricMeanAbsolutePercentageError : nil }
            let owa = relativeMASE.flatMap { s in relativeSMAPE.map { (s + $0) / 2 } }
            let intervals = levels.flatMap { level -> [Double?] in
                let interval = score.intervals.first { $0.level == level }
                return [interval?.coverage, interval?.scaledScore]
            }
            return Row(texts: [id, score.method, "1"], numbers: [score.meanAbsoluteError, score.symmetricMeanAbsolutePercentageError,
                                                                score.meanAbsoluteScaledError, relativeMASE, owa] + intervals)
        }
        switch format {
        case .csv, .jsonl: return rows.map(streamed).joined()
        case .table, .json:
            held.withLock { $0.append((id, rows)) }
            return ""
        }
    }

    /// The aggregate rows (id `*`), after every series' rows for the formats that held them.
    public func rendered(summary: ManySeriesBacktestSummary) -> String {
        let rows = summary.rows.map { row in
            Row(texts: ["*", row.method, String(row.series)], numbers: [row.meanAbsoluteError, row.symmetricMeanAbsolutePercentageError,
                                                                      row.meanAbsoluteScaledError, row.relativeMASE, row.overallWeightedAverage]
                    + row.intervals.flatMap { [$0.coverage, $0.scaledScore] })
        }
        let series = held.value
        switch format {
        case .csv, .jsonl:
            return rows.map(streamed).joined()
        case .table:
            let body = (series.flatMap(\.rows) + rows).map { $0.texts + $0.numbers.map(TextTable.metric) }
            return TextTable.aligned([columns] + body)
        case .json:
            return ResultJSON.encode(Document(
                series: series.map { SeriesRows(id: $0.id, models: $0.rows.map(metricRow)) },
                summary: rows.map(metricRow)))
        }
    }

    private func metricRow(_ row: Row) -> MetricRow {
        let labels: [String: MetricRow.Label] = ["id": .text(row.texts[0]), "model": .text(row.texts[1]), "series": .count(Int(row.texts[2]) ?? 0)]
        return MetricRow(labels: labels, metrics: Array(zip(columns.dropFirst(3), row.numbers)).map { (name: $0.0, value: $0.1) })
    }

    private func streamed(_ row: Row) -> String {
        switch format {
        case .jsonl:
            return ResultJSON.line(metricRow(row))
        default:
            return (row.texts.map(TextTable.csvField) + row.numbers.map { $0.map(TextTable.exact) ?? "" })
                .joined(separator: ",") + "\n"
        }
    }

    struct SeriesRows: Encodable {
        let id: String
        let models: [MetricRow]
    }

    struct Document: Encodable {
        let series: [SeriesRows]
        let summary: [MetricRow]
    }
}
