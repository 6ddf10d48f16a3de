import ArgumentParser

/// How results are written to standard output.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// Aligned columns for people.
    case table
    /// Comma-separated values with a header row, for spreadsheets and scripts.
    case csv
    /// One JSON object, for programs.
    case json
}
