import ForecastIO

/// Prints the reader's warnings (sorting, duplicates, missing values and what the policy did) on
/// stderr, one line each, for the commands that read series; `inspect` lists them in its report.
enum DataWarnings {
    static func report(_ warnings: [CSVWarning]) {
        for warning in warnings { ToolFailure.printError("warning: \(warning.message)") }
    }
}
