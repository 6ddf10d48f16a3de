import ArgumentParser

/// The exit codes of docs/architecture.md (the BSD `sysexits.h` values), so scripts can tell
/// bad data from a missing file from a failure of the tool itself.
extension ExitCode {
    /// The command line was wrong.
    static let usage = ExitCode(64)
    /// The input was read but its content is unusable.
    static let badData = ExitCode(65)
    /// The input does not exist or cannot be read.
    static let inputMissing = ExitCode(66)
    /// An internal error: a bug in the tool.
    static let internalError = ExitCode(70)
    /// An output file cannot be created.
    static let cannotCreateOutput = ExitCode(73)
}
