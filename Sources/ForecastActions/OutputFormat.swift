/// How a result is written as text: the same three renderings for every command.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Aligned columns for people.
    case table
    /// Comma-separated values with a header row, for spreadsheets and scripts.
    case csv
    /// One JSON document from the result's `Codable` form, for programs.
    case json
    /// JSON Lines: one object per row (forecast step, backtest row), each standing alone, written as
    /// soon as it is ready; for streams of many series.
    case jsonl
}
