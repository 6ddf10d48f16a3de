import ForecastStorage
import Foundation

/// A folder that holds one file per series (`<id>.safetensors`, `<id>.svg`), created when missing:
/// where a many-series run saves its models and plots.
struct SeriesFolder: Sendable {
    let path: String
    let fileExtension: String

    /// Creates the folder (and its parents) if it does not exist.
    /// - Throws: `AtomicFileError` naming the folder when it cannot be created or is a file.
    init(path: String, fileExtension: String) throws {
        self.path = path
        self.fileExtension = fileExtension
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw AtomicFileError(path: path, reason: "it is a file, not a folder") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw AtomicFileError(path: path, reason: "the folder cannot be created (\(error.localizedDescription))")
        }
    }

    /// The file of series `id`: the id with every byte that is not an ASCII letter, digit, `-`,
    /// `_` or `.` written as `%XX` (and a name of dots only, or an empty one, escaped whole), so no
    /// id names a path outside the folder and no two ids share a file.
    func file(for id: String) -> String {
        func escaped(_ byte: UInt8) -> String { "%" + String(byte, radix: 16, uppercase: true).leftPadding(to: 2) }
        let dotsOnly = id.allSatisfy { $0 == "." }
        let name = id.isEmpty ? "%" : id.utf8.map { byte -> String in
            let safe = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || (byte == UInt8(ascii: ".") && !dotsOnly)
            return safe ? String(UnicodeScalar(byte)) : escaped(byte)
        }.joined()
        return (path as NSString).appendingPathComponent("\(name).\(fileExtension)")
    }
}

private extension String {
    func leftPadding(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
