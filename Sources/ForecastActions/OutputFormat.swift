/// How a result is written as text: the same three renderings for every command.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Aligned columns for people.
    case table
    /// Comma-separated values with a header row, for spreadsheets and scripts.
    case csv
    /// JSON from the result's `Codable` form, for programs.
    case json
}
