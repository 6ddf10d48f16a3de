import ForecastData
import Foundation

extension CSVReadError {
    /// A change to `CSVReadOptions` that would get past an error, kept as data so that each host
    /// words it in its own terms: an app names its settings, a command line its flags.
    public enum Remedy: Hashable, Sendable, CustomStringConvertible {
        /// `separator` looks like a thousands separator: set `thousandsSeparator` to it.
        case setThousandsSeparator(Character)
        /// `separator` separates thousands or marks decimals: set `thousandsSeparator` or
        /// `decimalSeparator` to it, whichever it means.
        case setThousandsOrDecimalSeparator(Character)
        /// `separator` marks decimals, which detection took for a thousands separator: set
        /// `decimalSeparator` to it.
        case setDecimalSeparator(Character)
        /// Choose a `missingPolicy` that accepts gaps (`drop`, `ffill` or `linear`).
        case chooseMissingPolicy
        /// Several date formats fit: set `dateFormat` to one, for instance `example`.
        case chooseDateFormat(patterns: [String])
        /// No known date format fits: set `dateFormat`.
        case giveDateFormat
        /// Set `duplicates` to keep the first or the last of the rows sharing a timestamp.
        case chooseDuplicateRule
        /// The date format was chosen between two readings: set `dateFormat` to `other` if that is
        /// the file's.
        case confirmDateFormat(chosen: String, other: String)
        /// No time column was found: name one in `dateColumn`.
        case nameDateColumn
        /// The file looks like long format: set `idColumn` and `series`, for instance to this column
        /// and one of its values.
        case pickSeries(idColumn: String, series: String)
        /// The rows are dated by two columns together (a year and a week): write them as one date
        /// column.
        case combineDateColumns(first: String, second: String)
        /// The rows are dated by a year and a month or quarter together, which are read as one date
        /// column unless `dateColumn` or `dateFormat` is set: leave both unset.
        case readDateColumnsTogether(first: String, second: String)

        /// The remedy in the library's words, as `CSVReadError.errorDescription` ends.
        public var description: String {
            switch self {
            case .setThousandsSeparator(let separator):
                "if \"\(separator)\" separates thousands, set it as the thousands separator"
            case .setThousandsOrDecimalSeparator(let separator):
                "if \"\(separator)\" separates thousands, set it as the thousands separator; if it marks decimals, set it as the decimal separator"
            case .setDecimalSeparator(let separator):
                "if \"\(separator)\" marks decimals, set it as the decimal separator"
            case .chooseMissingPolicy:
                "choose the missing-value policy drop, ffill or linear to accept gaps"
            case .chooseDateFormat(let patterns):
                "choose the date format: \(DateReadings.describe(patterns)); the right one puts the dates on a regular calendar"
            case .giveDateFormat:
                "give the date format"
            case .nameDateColumn:
                "set the date column to name one"
            case .confirmDateFormat(_, let other):
                "if the file is written \(other), set that as the date format"
            case .chooseDuplicateRule:
                "keep the first or the last row of each timestamp"
            case .pickSeries(let idColumn, let series):
                "if the file holds several series, pick one by its id column, e.g. \"\(idColumn)\" and series \"\(series)\""
            case .combineDateColumns(let first, let second):
                "the rows are dated by \"\(first)\" and \"\(second)\" together: write them as one date column (such as 2022-03)"
            case .readDateColumnsTogether(let first, let second):
                "the rows are dated by \"\(first)\" and \"\(second)\" together: leave the date column and the date format unset to read them as one date column"
            }
        }
    }
}

/// How two readings of the same dates differ, in words a user can check against the file.
package enum DateReadings {
    /// `%m/%d/%Y reads 03/04/2020 as 4 March, %d/%m/%Y as 3 April`, each pattern shown by `show`:
    /// one text read under every pattern, so the user can see which the file means.
    package static func describe(_ patterns: [String], show: (String) -> String = { $0 }) -> String {
        guard let first = patterns.first else { return "" }
        func dayFirst(_ pattern: String) -> Bool {
            guard let day = pattern.range(of: "%d"), let month = pattern.range(of: "%m") else { return false }
            return day.lowerBound < month.lowerBound
        }
        let (firstField, secondField) = dayFirst(first) ? ("%d", "%m") : ("%m", "%d")
        let example = first.replacingOccurrences(of: firstField, with: "03").replacingOccurrences(of: secondField, with: "04")
            .replacingOccurrences(of: "%Y", with: "2020").replacingOccurrences(of: "%y", with: "20")
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        return patterns.enumerated().map { index, pattern in
            // The date the pattern reads in the example; its year only where it is not 2020 (a
            // year-first reading of `03.04.20` is 20 April 2003).
            let meaning: String
            if let date = DateFormat.pattern(pattern).parse(example)?.civil {
                meaning = "\(date.day) \(months[date.month - 1])" + (date.year == 2020 ? "" : " \(date.year)")
            } else {
                meaning = dayFirst(pattern) ? "3 April" : "4 March"
            }
            return index == 0 ? "\(show(pattern)) reads \(example) as \(meaning)" : "\(show(pattern)) as \(meaning)"
        }.joined(separator: ", ")
    }
}
