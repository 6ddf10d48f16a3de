import ArgumentParser
import ForecastActions
import ForecastIO
import ForecastStorage
import Forecasting
import Foundation

/// The one place where errors become a sentence on stderr and an exit code (docs/architecture.md): library
/// errors are mapped here, never inside commands, and no error ever prints a stack trace.
enum ToolFailure {
    /// Runs a command body, reporting any error it throws.
    static func reporting(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ExitCode {
            throw error
        } catch let error as ValidationError {
            throw error
        } catch {
            printError(sentence(for: error))
            throw exitCode(for: error)
        }
    }

    /// The exit code of docs/architecture.md for a library error.
    static func exitCode(for error: any Error) -> ExitCode {
        switch error {
        case let error as CSVReadError:
            return exitCode(for: error.category)
        case let error as SafeTensorsError:
            switch error.problem {
            case .unreadable: return .inputMissing
            case .writeFailed: return .cannotCreateOutput
            default: return .badData
            }
        case is ManySeriesError, is ShortSeriesFailure, is ShortHistoryFailure, is ConstantSeriesFailure, is ModelInputError,
             is LongFormatEmptySeries:
            return .badData
        case is CalendarFeatureError, is CalendarSelectionError, is IntervalLevelError:
            return .usage
        case let error as FutureRowsError:
            switch error {
            case .futureInTwoPlaces, .futureWithoutKnownFeatures: return .usage
            case .noFutureRows, .noFutureRowsInSeries, .seriesMissingFromFutureFile, .tooFewFutureRows: return .badData
            }
        case is AtomicFileError:
            return .cannotCreateOutput
        case let error as ForecasterError:
            switch error {
            case .invalidConfiguration, .noSeries, .noSeriesLongEnough: return .usage
            default: return .badData
            }
        case is ModelFileError, is TrainingError, is BaselineError, is RecurrentNetworkError:
            return .badData
        default:
            return .internalError
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

    /// Library errors in the tool's words (`ErrorSentences`), any other by its description.
    static func sentence(for error: any Error) -> String {
        ErrorSentences.sentence(for: error) ?? ActionErrorSentences.sentence(for: error)
            ?? (error as? LocalizedError)?.errorDescription ?? String(describing: error)
    }

    /// Writes `tsf: message` to standard error.
    static func printError(_ message: String) {
        // Errors writing the message itself (stderr a closed pipe) are ignored: nowhere to report them.
        _ = DescriptorWriter.writeAll(Array("tsf: \(message)\n".utf8), to: STDERR_FILENO)
    }
}
