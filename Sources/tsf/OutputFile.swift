import Forecasting

/// Writes files the way every `tsf` command must: through ``AtomicFile``, so an existing file is
/// replaced whole or not at all, and a written file survives a power cut.
enum OutputFile {
    /// Throws `AtomicFileError` (exit code 73) naming the path and the system's reason.
    static func write(_ text: String, to path: String) throws {
        try AtomicFile.write(Array(text.utf8), to: path)
    }
}
