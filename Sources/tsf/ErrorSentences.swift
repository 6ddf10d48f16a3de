import ForecastData
import ForecastIO
import Forecasting

/// The command line's wording of library errors: the library says what is wrong and which setting
/// would help, and only here does a remedy become the flag that sets it.
enum ErrorSentences {
    /// The sentence for `error` with its remedies as flags, or nil when the library's own
    /// description needs no change.
    static func sentence(for error: any Error) -> String? {
        switch error {
        case let error as CSVReadError:
            if case .invalidOption(let problem) = error, problem == .idColumnAndSeriesApart {
                return "--id and --series go together: --id names the column, --series the value to keep."
            }
            return ErrorSentence.joining(error.problem, remedies: error.remedies.map { flags(for: $0) })
        case let error as ForecasterError:
            return ErrorSentence.joining(error.problem, remedies: error.remedy.map { [flags(for: $0)] } ?? [])
        default:
            return nil
        }
    }

    /// A reader remedy as the flags that apply it.
    static func flags(for remedy: CSVReadError.Remedy) -> String {
        switch remedy {
        case .setThousandsSeparator(let separator):
            "if \"\(separator)\" separates thousands, pass --thousands \"\(separator)\""
        case .setThousandsOrDecimalSeparator(let separator):
            "if \"\(separator)\" separates thousands, pass --thousands \"\(separator)\"; if it marks decimals, pass --decimal \"\(separator)\""
        case .setDecimalSeparator(let separator):
            "if \"\(separator)\" marks decimals, pass --decimal \"\(separator)\""
        case .chooseMissingPolicy:
            "choose --missing-policy drop, ffill or linear to accept gaps"
        case .chooseDateFormat(let patterns):
            "choose one: \(DateReadings.describe(patterns) { "--date-format \($0)" }); the right one puts the dates on a regular calendar (tsf inspect with each --date-format shows the calendar it gives)"
        case .giveDateFormat:
            "give the format with --date-format"
        case .chooseDuplicateRule:
            "choose --duplicates first or last"
        case .pickSeries(let idColumn, let series):
            "if the file holds several series, pick one with --id \(ShellWord.quoted(idColumn)) --series \(ShellWord.series(series))"
        case .combineDateColumns(let first, let second):
            "the rows are dated by \"\(first)\" and \"\(second)\" together: write them as one date column (such as 2022-03) and name it with --date-column"
        case .readDateColumnsTogether(let first, let second):
            "the rows are dated by \"\(first)\" and \"\(second)\" together: leave out --date-column and --date-format to read them as one date column"
        case .nameDateColumn:
            "name one with --date-column"
        case .confirmDateFormat(_, let other):
            "if the file is written \(other), pass --date-format with it"
        }
    }

    /// A forecaster remedy as the flags that apply it.
    static func flags(for remedy: ForecasterError.Remedy) -> String {
        switch remedy {
        case .avoidLogTransform:
            "train with --transform difference or none"
        case .trainWithHorizon(let steps):
            "train with --horizon \(steps)"
        case .lowerLearningRateOrClip:
            "lower --learning-rate or enable gradient clipping with --clip-norm"
        case .shortenLookbackOrHorizon:
            "lower --lookback or --horizon, or set --validation-fraction 0"
        }
    }
}

extension CSVWarning {
    /// The warning with its remedies as flags.
    var commandLineMessage: String { message(wording: ErrorSentences.flags(for:)) }
}
