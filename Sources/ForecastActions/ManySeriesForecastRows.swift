import ForecastConcurrency
import Forecasting

/// Long-format forecast output: one row per series and step (`id,step,date,forecast,lower80,…`),
/// so the result of many series reads back with the same id column it was made with.
///
/// `csv` and `jsonl` stream: each series' rows are written as soon as it is done, and each JSON Lines
/// row also names the series' method (with a seasonal one's period), model, transform, lookback and
/// frequency, so it stands alone.
/// `table` (aligned columns) and `json` (one document, `{"series": [{"id", …forecast…}]}`) need every
/// series first, so they are written at the end. `date` is empty (null in JSON) for a series without
/// a calendar.
public final class ManySeriesForecastRows: Sendable {
    public let format: OutputFormat
    public let levels: [Double]
    /// Series held for the formats written at the end.
    private let held = Locked<[(id: String, result: ForecastResult)]>([])

    public init(format: OutputFormat, levels: [Double]) {
        self.format = format
        self.levels = levels
    }

    var columns: [String] {
        ["id", "step", "date", "forecast"] + levels.flatMap { level -> [String] in
            let percent = ForecastStep.percent(level)
            return ["lower\(percent)", "upper\(percent)"]
        }
    }

    /// What to write before the first series: the CSV header.
    public var header: String? { format == .csv ? columns.joined(separator: ",") + "\n" : nil }

    /// What to write once a series is done: its rows for the streamed formats; nothing for the
    /// others, which hold it until `finished`.
    public func rendered(id: String, _ result: ForecastResult) -> String {
        switch format {
        case .csv:
            return result.steps.map { step in
                ([TextTable.csvField(id), String(step.step), TextTable.csvField(step.date ?? ""), TextTable.exact(step.forecast)]
                    + step.intervals.flatMap { [$0.lower.map(TextTable.exact) ?? "", $0.upper.map(TextTable.exact) ?? ""] })
                    .joined(separator: ",") + "\n"
            }.joined()
        case .jsonl:
            return result.steps.map { ResultJSON.line(Row(id: id, result: result, step: $0)) }.joined()
        case .table, .json:
            held.withLock { $0.append((id, result)) }
            return ""
        }
    }

    /// What to write after the last series: the aligned table or the JSON document.
    public func finished() -> String {
        let all = held.value
        switch format {
        case .csv, .jsonl:
            return ""
        case .table:
            let rows = all.flatMap { id, result in
                result.steps.map { step in
                    [id, String(step.step), step.date ?? ""]
                        + TextTable.distinctNumbers([step.forecast] + step.intervals.flatMap { [$0.lower, $0.upper] })
                }
            }
            return TextTable.aligned([columns] + rows)
        case .json:
            return ResultJSON.encode(Document(series: all.map { SeriesForecast(id: $0.id, result: $0.result) }))
        }
    }

    /// One JSON Lines row: the series' id (none for a single series) and how it was forecast, with
    /// the step's fields.
    struct Row: Encodable {
        let id: String?
        let result: ForecastResult
        let step: ForecastStep

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: DynamicKey.self)
            try container.encodeIfPresent(id, forKey: DynamicKey("id"))
            try container.encode(result.column, forKey: DynamicKey("column"))
            try container.encode(result.method.name, forKey: DynamicKey("method"))
            // As the JSON document writes a method, so that a seasonal one reads back.
            try container.encodeIfPresent(result.method.seasonPeriod, forKey: DynamicKey("season_period"))
            try container.encode(result.model, forKey: DynamicKey("model"))
            try container.encode(result.transform, forKey: DynamicKey("transform"))
            try container.encode(result.lookback, forKey: DynamicKey("lookback"))
            try container.encode(result.frequency, forKey: DynamicKey("frequency"))
            try container.encodeIfPresent(result.intervalMethod, forKey: DynamicKey("interval_method"))
            try step.encode(to: encoder)
        }
    }

    /// A series' forecast in the JSON document: its id beside the forecast's own fields.
    struct SeriesForecast: Encodable {
        let id: String
        let result: ForecastResult

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: DynamicKey.self)
            try container.encode(id, forKey: DynamicKey("id"))
            try result.encode(to: encoder)
        }
    }

    struct Document: Encodable {
        let series: [SeriesForecast]
    }
}
