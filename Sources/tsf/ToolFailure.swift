import ArgumentParser
import ForecastIO
import Foundation

/// The one place where errors become a sentence on stderr and an exit code (DESIGN.md): library
/// errors are mapped here, never inside commands, and no error ever prints a stack trace.
enum ToolFailure {
    /// Runs a command body, reporting any error it throws.
    static func reporting(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as CSVReadError {
            printError(error.errorDescription ?? "\(error)")
            throw exitCode(for: error.category)
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch let error as LocalizedError {
            printError(error.errorDescription ?? "\(error)")
            throw ExitCode.internalError
        } catch {
            printError("\(error)")
            throw ExitCode.internalError
        }
    }

    static func exitCode(for category: CSVReadError.Category) -> ExitCode {
        switch category {
        case .usage: .usage
        case .badData: .badData
        case .inputUnavailable: .inputMissing
        case .internal: .internalError
        }
    }

    /// Writes `tsf: message` to standard error.
    static func printError(_ message: String) {
        FileHandle.standardError.write(Data("tsf: \(message)\n".utf8))
    }
}
