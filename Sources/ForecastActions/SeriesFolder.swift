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

    /// The file of series `id`: the id with every character that is not a letter, a digit, `-`,
    /// `_` or `.` replaced by `_`, so that no id can name a path outside the folder.
    func file(for id: String) -> String {
        var name = String(id.unicodeScalars.map { scalar -> Character in
            let safe = CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar)
            return safe ? Character(scalar) : "_"
        })
        if name.isEmpty || name.allSatisfy({ $0 == "." }) { name = "_" + name }
        return (path as NSString).appendingPathComponent("\(name).\(fileExtension)")
    }
}
