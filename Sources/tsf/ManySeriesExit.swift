import ArgumentParser
import ForecastActions

extension ToolFailure {
    /// Says how many series of a many-series run failed and exits with 65 (bad data) when any did,
    /// whether or not others succeeded, so scripts notice a partial result.
    static func finish(_ outcome: ManySeriesOutcome) throws {
        guard !outcome.failed.isEmpty else { return }
        let failed = outcome.failed
        let names = failed.prefix(10).joined(separator: ", ") + (failed.count > 10 ? ", …" : "")
        let others = failed.count == outcome.total ? "no result was produced" : "the others' results are complete"
        printError("\(failed.count) of \(outcome.total) series failed (\(names)); \(others).")
        throw ExitCode.badData
    }
}
