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
    /// warning says so (`detectionWarnings`).
    ///
    /// Any other number with a dot (`3.14`, `0.125`, `21.345` among values that all have one), a
    /// decimal comma, or a whole number of four digits or more without a dot in that column, and the
    /// dot is left as the decimal point. Comma-separated files are never read this way (the
    /// reader does not ask).
    ///
    /// Returns that column, and whether a sampled field of any column showed a decimal separator
    /// (`decimalSeen`), which rules the reading out here and after the sample. `records` start
    /// with the header.
    static func groupedThousands(inRecords records: [[String]]) -> (finding: GroupedThousands?, decimalSeen: Bool) {
        guard let header = records.first else { return (nil, false) }
        var evidence = [GroupingEvidence](repeating: GroupingEvidence(), count: header.count)
        for record in records.dropFirst() {
            for (column, field) in zip(evidence.indices, record) {
                var field = field
                field.withUTF8 { evidence[column].add(UnsafeRawBufferPointer($0)) }
            }
        }
        return finding(in: zip(header, evidence).map { ($0, $1) })
    }

    /// The first column whose evidence shows a dot between thousands, unless a field of any column
    /// showed a decimal separator (then nil, and `decimalSeen`).
    static func finding(in columns: [(name: String, evidence: GroupingEvidence)]) -> (finding: GroupedThousands?, decimalSeen: Bool) {
        if columns.contains(where: \.evidence.decimalSeen) { return (nil, true) }
        return (columns.lazy.compactMap { $0.evidence.finding(column: $0.name) }.first, false)
    }

    /// What one column's fields say about a dot between thousands.
    struct GroupingEvidence {
        var grouped: String?
        var smallestGrouped = Double.infinity
        var plain: String?
        var largestPlain = 0.0
        var long = false
        /// A field showed a decimal separator (`3.14`, `1,5`), which rules the reading out for the
        /// whole file.
        var decimalSeen = false

        /// Takes one field's bytes.
        mutating func add(_ field: UnsafeRawBufferPointer) {
            guard let digits = SeparatedDigits(raw: field) else { return }
            switch NumberShape(digits) {
            case .groupedByDots:
                grouped = grouped ?? String(decoding: field, as: UTF8.self).trimmingSpaces()
                smallestGrouped = min(smallestGrouped, digits.wholeValue)
            case .shortWhole:
                plain = plain ?? String(decoding: field, as: UTF8.self).trimmingSpaces()
                largestPlain = max(largestPlain, digits.wholeValue)
            case .longWhole: long = true
            case .otherSeparated: decimalSeen = true
            case .notANumber: break
            }
        }

        /// The column's finding: grouped and short whole numbers, no long ones, and the two of
        /// similar size read as thousands (the largest short one at least a tenth of the smallest
        /// grouped: `758` beside `1.663`, where `22` beside `21.345` is a reading of 22.000 with its
        /// zeros dropped, and `150` beside `149.235` an exchange rate).
        func finding(column: String) -> GroupedThousands? {
            guard let grouped, let plain, !long, largestPlain * 10 >= smallestGrouped else { return nil }
            return GroupedThousands(column: column, grouped: grouped, plain: plain)
        }
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

        init(_ digits: SeparatedDigits) {
            if digits.separators.isEmpty {
                self = digits.runs[0] <= 3 ? .shortWhole : .longWhole
            } else if digits.separators.allSatisfy({ $0 == UInt8(ascii: ".") }), digits.runs[0] <= 3, !digits.leadingZero,
                      digits.runs.dropFirst().allSatisfy({ $0 == 3 }) {
                self = .groupedByDots
            } else {
                self = digits.decimalSeparator == nil ? .notANumber : .otherSeparated
            }
        }
    }
}

extension CSVTable {
    /// The dot-between-thousands reading weighed again on every row of the columns at `fileIndices`
    /// once the file is read, when detection decided it from the first rows alone: a column whose
    /// values first pass 1,000 after them (`949`, then `1.000`) is then read as thousands too, with
    /// the same warning, where it was read as 1.0. Only when the file left the separators to
    /// detection and read a decimal point without one between thousands.
    mutating func weighGroupedThousandsOnEveryRow(of fileIndices: [Int], options: CSVReadOptions) {
        let format = dialect.numberFormat
        guard options.decimalSeparator == nil, options.thousandsSeparator == nil, dialect.groupedThousands == nil,
              !dialect.decimalSeparatorSeen,
              dialect.delimiter != UInt8(ascii: ","), format.decimalSeparator == UInt8(ascii: "."), format.thousandsSeparator == nil
        else { return }
        let columns = self.columns.filter { fileIndices.contains($0.fileIndex) }.map { column -> (name: String, evidence: CSVDialect.GroupingEvidence) in
            var evidence = CSVDialect.GroupingEvidence()
            column.forEachField { _, bytes in evidence.add(bytes) }
            return (column.name, evidence)
        }
        guard let found = CSVDialect.finding(in: columns).finding else { return }
        dialect = CSVDialect(delimiter: dialect.delimiter,
                             numberFormat: NumberFormat(decimalSeparator: UInt8(ascii: ","), thousandsSeparator: UInt8(ascii: ".")),
                             groupedThousands: found)
    }
}
