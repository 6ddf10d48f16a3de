extension CSVReadError {
    /// Reader options that cannot be used, alone or together, kept as data so that a host can name
    /// them as its users set them.
    public enum OptionProblem: Hashable, Sendable, CustomStringConvertible {
        /// `idColumn` and `series` filter a long-format file together; one was given alone.
        case idColumnAndSeriesApart
        /// `decimalSeparator` (this byte) is neither `.` nor `,`.
        case decimalSeparator(UInt8)
        /// `dateFormat` is a pattern without a `%` directive.
        case dateFormatWithoutDirective(pattern: String)
        /// `dateFormat` reads no column's values, and no column is named like a time column.
        case dateFormatReadsNoColumn(format: String)
        /// `thousandsSeparator` equals the decimal separator, given or detected (this byte).
        case thousandsSeparatorIsDecimal(UInt8)
        /// One header column was chosen for two roles.
        case columnInTwoRoles(column: String, role: ColumnRole, otherRole: ColumnRole)
        /// One header column was named twice among the target and the features (observed or known
        /// in advance): a column has one role.
        case columnNamedTwice(column: String)

        /// What a chosen column is for.
        public enum ColumnRole: String, Hashable, Sendable {
            case time
            case id
            case value
        }

        /// The problem in the library's words, without a final period (as `CSVReadError.problem`).
        public var description: String {
            switch self {
            case .idColumnAndSeriesApart:
                "The id column and the series go together: the id column names the column, the series the value to keep"
            case .decimalSeparator:
                "The decimal separator must be \".\" or \",\""
            case .dateFormatReadsNoColumn(let format):
                "No column holds dates in the date format \"\(format)\", and none is named like a time column (date, time, month, …)"
            case .dateFormatWithoutDirective(let pattern):
                "The date format \"\(pattern)\" has no % directive; write it like %d/%m/%Y"
            case .thousandsSeparatorIsDecimal(let separator):
                "The thousands separator cannot be the decimal separator (\(CSVDialect.name(of: separator)))"
            case .columnInTwoRoles(let column, let role, let otherRole):
                "Column \"\(column)\" is the \(role.rawValue) column; it cannot also be \(otherRole == .value ? "a" : "the") \(otherRole.rawValue) column"
            case .columnNamedTwice(let column):
                "Column \"\(column)\" is named twice among the target, the observed features and the known-in-advance features; each column has one role"
            }
        }
    }
}
