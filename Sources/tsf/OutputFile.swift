import Foundation

/// Writes files the way every `tsf` command must: to a temporary file in the destination folder,
/// then renamed into place, so an existing file is replaced whole or not at all.
enum OutputFile {
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw OutputFileError(path: path, reason: "the folder \(directory.path) does not exist")
        }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UInt64.random(in: 0...UInt64.max)).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            throw OutputFileError(path: path, reason: "the folder cannot be written to")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw OutputFileError(path: path, reason: reason)
        }
    }
}

/// An output file could not be created (exit code 73).
struct OutputFileError: LocalizedError {
    let path: String
    let reason: String
    var errorDescription: String? { "cannot write \(path): \(reason)." }
}
