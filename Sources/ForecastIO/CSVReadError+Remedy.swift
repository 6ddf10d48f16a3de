extension CSVReadError {
    /// A change to `CSVReadOptions` that would get past an error, kept as data so that each host
    /// words it in its own terms: an app names its settings, a command line its flags.
    public enum Remedy: Hashable, Sendable, CustomStringConvertible {
        /// `separator` looks like a thousands separator: set `thousandsSeparator` to it.
        case setThousandsSeparator(Character)
        /// `separator` separates thousands or marks decimals: set `thousandsSeparator` or
        /// `decimalSeparator` to it, whichever it means.
        case setThousandsOrDecimalSeparator(Character)
        /// Choose a `missingPolicy` that accepts gaps (`drop`, `ffill` or `linear`).
        case chooseMissingPolicy
        /// Several date formats fit: set `dateFormat` to one, for instance `example`.
        case chooseDateFormat(example: String)
        /// No known date format fits: set `dateFormat`.
        case giveDateFormat
        /// Set `duplicates` to keep the first or the last of the rows sharing a timestamp.
        case chooseDuplicateRule
        /// No time column was found: name one in `dateColumn`.
        case nameDateColumn
        /// The file looks like long format: set `idColumn` and `series`, for instance to this column
        /// and one of its values.
        case pickSeries(idColumn: String, series: String)

        /// The remedy in the library's words, as `CSVReadError.errorDescription` ends.
        public var description: String {
            switch self {
            case .setThousandsSeparator(let separator):
                "if \"\(separator)\" separates thousands, set it as the thousands separator"
            case .setThousandsOrDecimalSeparator(let separator):
                "if \"\(separator)\" separates thousands, set it as the thousands separator; if it marks decimals, set it as the decimal separator"
            case .chooseMissingPolicy:
                "choose the missing-value policy drop, ffill or linear to accept gaps"
            case .chooseDateFormat(let example):
                "choose one as the date format, e.g. \(example)"
            case .giveDateFormat:
                "give the date format"
            case .nameDateColumn:
                "set the date column to name one"
            case .chooseDuplicateRule:
                "keep the first or the last row of each timestamp"
            case .pickSeries(let idColumn, let series):
                "if the file holds several series, pick one by its id column, e.g. \"\(idColumn)\" and series \"\(series)\""
            }
        }
    }
}
