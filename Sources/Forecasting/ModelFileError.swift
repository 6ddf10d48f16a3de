import Foundation

/// Why a model file cannot be used; names the file and the key or tensor at fault.
public struct ModelFileError: LocalizedError, Hashable, Sendable {
    public let path: String
    public let problem: String

    public init(path: String, problem: String) {
        self.path = path
        self.problem = problem
    }

    public var errorDescription: String? { "\(path): \(problem)" + (problem.hasSuffix(".") ? "" : ".") }
}
