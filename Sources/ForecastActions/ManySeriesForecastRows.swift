import Forecasting

/// Long-format forecast output: one row per series and step (`id,step,date,forecast,lower80,…`),
/// so the result of many series reads back with the same id column it was made with.
///
/// `csv` and `table` both write CSV, since a table cannot be aligned before every series is done and
/// rows stream as each series finishes; `json` writes one JSON object per row (JSON Lines), each also
/// naming the series' method, model, transform, lookback and frequency, so every row stands alone.
/// `date` is empty (null in JSON) for a series without a calendar.
public struct ManySeriesForecastRows: Sendable {
    public let format: OutputFormat
    public let levels: [Double]

    public init(format: OutputFormat, levels: [Double]) {
        self.format = format
        self.levels = levels
    }

    /// The header line, or nil for JSON Lines.
    public var header: String? {
        guard format != .json else { return nil }
        let bounds = levels.flatMap { level -> [String] in
            let percent = ForecastStep.percent(level)
            return ["lower\(percent)", "upper\(percent)"]
        }
        return (["id", "step", "date", "forecast"] + bounds).joined(separator: ",") + "\n"
    }

    /// The rows of one series' forecast.
    public func rendered(id: String, _ result: ForecastResult) -> String {
        var text = ""
        for step in result.steps {
            switch format {
            case .json:
                text += ResultJSON.line(Row(id: id, result: result, step: step))
            case .csv, .table:
                let cells = [TextTable.csvField(id), String(step.step), TextTable.csvField(step.date ?? ""), TextTable.exact(step.forecast)]
                    + step.intervals.flatMap { [$0.lower.map(TextTable.exact) ?? "", $0.upper.map(TextTable.exact) ?? ""] }
                text += cells.joined(separator: ",") + "\n"
            }
        }
        return text
    }

    /// One JSON Lines row: the series' id and how it was forecast, with the step's fields.
    struct Row: Encodable {
        let id: String
        let result: ForecastResult
        let step: ForecastStep

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: DynamicKey.self)
            try container.encode(id, forKey: DynamicKey("id"))
            try container.encode(result.method.name, forKey: DynamicKey("method"))
            try container.encode(result.model, forKey: DynamicKey("model"))
            try container.encode(result.transform, forKey: DynamicKey("transform"))
            try container.encode(result.lookback, forKey: DynamicKey("lookback"))
            try container.encode(result.frequency, forKey: DynamicKey("frequency"))
            try container.encodeIfPresent(result.intervalMethod, forKey: DynamicKey("interval_method"))
            try step.encode(to: encoder)
        }
    }
}
