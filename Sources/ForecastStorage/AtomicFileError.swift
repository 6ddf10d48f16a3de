import Foundation

/// A file could not be written by ``AtomicFile``: names the file and the system's reason, such as
/// `cannot write /data/plot.svg: the folder /data does not exist.`
public struct AtomicFileError: LocalizedError, Hashable, Sendable {
    /// The file that was to be written.
    public let path: String
    /// Why, in the system's words (`strerror`) where the system gave one.
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var errorDescription: String? { "cannot write \(path): \(reason)." }
}
