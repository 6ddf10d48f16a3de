import ForecastIO
import ForecastStorage

/// Outputs that would replace a file the run reads (`--out data.csv` on `data.csv`), or that name
/// something other than a regular file, are refused before any work starts: the atomic write would
/// otherwise swap the user's data for a model file or a picture.
enum OutputSafety {
    static func check(outputs: [String?], inputs: [String?]) throws(AtomicFileError) {
        let read = inputs.compactMap { $0 }
        for case let output? in outputs {
            _ = try AtomicFile.destination(of: output)  // a folder, a device or a pipe: refused now, not after training
            try AtomicFile.refuseToReplace(inputs: read, with: output)
        }
    }
}

extension CSVSource {
    /// The file read, when the source is one (not standard input or bytes in memory).
    var filePath: String? {
        if case let .file(path) = self { return path }
        return nil
    }
}
