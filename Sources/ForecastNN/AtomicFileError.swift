import Foundation

/// A file could not be written by ``AtomicFile``: names the file and the system's reason, such as
/// `cannot write /data/plot.svg: the folder /data does not exist.`
package struct AtomicFileError: LocalizedError, Hashable, Sendable {
    /// The file that was to be written.
    package let path: String
    /// Why, in the system's words (`strerror`) where the system gave one.
    package let reason: String

    package init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    package var errorDescription: String? { "cannot write \(path): \(reason)." }
}
