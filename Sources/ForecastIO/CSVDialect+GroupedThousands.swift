extension CSVDialect {
    /// Two values of one column that show a dot between thousands: `1.663` beside `758`.
    public struct GroupedThousands: Hashable, Sendable {
        /// The column's header name.
        public var column: String
        /// A value with a dot before exactly three digits, read as a whole number (`1.663`).
        public var grouped: String
        /// A whole number of one to three digits without one (`758`).
        public var plain: String
    }

    /// The column, if any, whose sampled values are whole numbers written with a dot between
    /// thousands, in a file whose numbers otherwise give no decimal point: `1.663` and `758` in the
    /// same column, as a spreadsheet set to a German locale saves whole numbers in a `;`-separated
    /// file. Read with a decimal point, such a column mixes thousandths with hundreds, a thousand
    /// times apart; so the file is read with `.` between thousands and `,` for decimals, and a
    /// warning says so (`groupedThousandsWarning`).
    ///
    /// Any other number with a dot (`3.14`, `0.125`, `21.345` among values that all have one), a
    /// decimal comma, or a whole number of four digits or more without a dot in that column, and the
    /// dot is left as the decimal point. Comma-separated files are never read this way.
    static func detectGroupedThousands(records: [[String]], delimiter: UInt8) -> GroupedThousands? {
        guard delimiter != UInt8(ascii: ","), let header = records.first else { return nil }
        var found: GroupedThousands?
        for column in header.indices {
            var grouped: String?
            var plain: String?
            var long = false
            for record in records.dropFirst() where record.indices.contains(column) {
                let field = record[column]
                switch NumberShape(field) {
                case .groupedByDots: grouped = grouped ?? field
                case .shortWhole: plain = plain ?? field
                case .longWhole: long = true
                case .otherSeparated: return nil
                case .notANumber: break
                }
            }
            if found == nil, let grouped, let plain, !long {
                found = GroupedThousands(column: header[column], grouped: grouped, plain: plain)
            }
        }
        return found
    }

    /// The shapes of a field that decide whether a dot groups thousands.
    enum NumberShape: Equatable {
        /// `1.663`, `-12.345.678`: one to three digits, the first not 0, then groups of a dot and three digits.
        case groupedByDots
        /// One to three digits, no separator.
        case shortWhole
        /// Four digits or more, no separator.
        case longWhole
        /// Any other number with a `.` or `,` (`3.14`, `1,5`, `0.125`).
        case otherSeparated
        case notANumber

        init(_ text: String) {
            guard let number = SeparatedDigits(text) else {
                self = .notANumber
                return
            }
            if number.separators.isEmpty {
                self = number.runs[0] <= 3 ? .shortWhole : .longWhole
            } else if number.separators.allSatisfy({ $0 == UInt8(ascii: ".") }), number.runs[0] <= 3, !number.leadingZero,
                      number.runs.dropFirst().allSatisfy({ $0 == 3 }) {
                self = .groupedByDots
            } else {
                self = CSVDialect.lastSeparatorOfNumber(text) == nil ? .notANumber : .otherSeparated
            }
        }
    }
}
