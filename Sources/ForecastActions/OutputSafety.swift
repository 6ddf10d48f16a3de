import ForecastIO
import ForecastStorage

/// Outputs that would replace a file the run reads (`--out data.csv` on `data.csv`) or another of
/// its outputs (`--out f --plot f`), that name
/// something other than a regular file, or whose folder is missing or read-only, are refused before
/// any work starts: the atomic write would otherwise swap the user's data for a model file or a
/// picture, or fail after the run's first output was written.
enum OutputSafety {
    static func check(outputs: [String?], inputs: [String?]) throws(AtomicFileError) {
        let read = inputs.compactMap { $0 }
        try AtomicFile.refuseSharedOutputs(outputs.compactMap { $0 })
        for case let output? in outputs {
            try AtomicFile.checkWritable(output)  // a folder, a device, a pipe, no folder: refused now, not after training
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
