extension CSVDialect {
    /// What one field says about a comma between thousands in a file whose decimal separator is a
    /// point (price exports such as `"1,801.70"`, quoted in a comma-separated file).
    enum CommaGrouping: Equatable {
        /// Commas that can only group thousands: groups of three after one to three digits, and
        /// either a decimal point after them (`1,801.70`) or two commas or more (`1,234,567`).
        case certain
        /// A comma elsewhere (`1,5`, `12,34`, `1,801` alone could be a decimal comma): the file is
        /// left as it is, and such a field stays an error that names the options.
        case against
        /// No comma.
        case silent

        init(_ field: UnsafeRawBufferPointer) {
            guard let digits = SeparatedDigits(raw: field), digits.separators.contains(UInt8(ascii: ",")) else {
                self = .silent
                return
            }
            let comma = UInt8(ascii: ",")
            let commas = digits.separators.prefix { $0 == comma }.count
            let pointLast = commas == digits.separators.count - 1 && digits.separators.last == UInt8(ascii: ".")
            let grouped = commas >= 1 && (commas == digits.separators.count || pointLast)
                && digits.runs[0] <= 3 && !digits.leadingZero && digits.runs[1...commas].allSatisfy { $0 == 3 }
            self = grouped && (pointLast || commas >= 2) ? .certain : .against
        }
    }
}

extension CSVDialect {
    /// Whether the sampled `records` (the header first) write numbers whose commas can only group
    /// thousands and none with a comma anywhere else: what the dialect of a file with decimal
    /// points starts from, so that a file read as a stream (standard input) reads them too.
    static func commasGroupThousands(inRecords records: [[String]]) -> Bool {
        var certain = false
        for record in records.dropFirst() {
            for field in record where field.utf8.contains(UInt8(ascii: ",")) {
                var field = field
                switch field.withUTF8({ CommaGrouping(UnsafeRawBufferPointer($0)) }) {
                case .certain: certain = true
                case .against: return false
                case .silent: break
                }
            }
        }
        return certain
    }
}

extension CSVTable {
    /// The thousands separators weighed on every row of the value columns at `fileIndices` once
    /// the file is read: a dot (`weighGroupedThousandsOnEveryRow`) or a comma
    /// (`weighCommaThousandsOnEveryRow`), each only where the user gave no separator.
    mutating func weighThousandsOnEveryRow(of fileIndices: [Int], options: CSVReadOptions) {
        weighGroupedThousandsOnEveryRow(of: fileIndices, options: options)
        weighCommaThousandsOnEveryRow(of: fileIndices, options: options)
    }

    /// Reads `,` between thousands when the columns at `fileIndices` write numbers such as
    /// `"1,801.70"` or `"1,234,567"`, whose commas can only group thousands, and no number with a
    /// comma anywhere else: the file's decimal separator must be a point, detected (not given), and
    /// no thousands separator given. Every row is weighed, since prices pass 1,000 anywhere in a
    /// file. Nothing is said: no other reading of such a number exists.
    mutating func weighCommaThousandsOnEveryRow(of fileIndices: [Int], options: CSVReadOptions) {
        let format = dialect.numberFormat
        guard options.decimalSeparator == nil, options.thousandsSeparator == nil,
              format.decimalSeparator == UInt8(ascii: "."), format.thousandsSeparator == nil else { return }
        var certain = false
        var against = false
        for column in columns where fileIndices.contains(column.fileIndex) {
            column.forEachField { _, bytes in
                // Most fields hold no comma: one byte scan, no parse.
                guard !against, bytes.contains(UInt8(ascii: ",")) else { return }
                switch CSVDialect.CommaGrouping(bytes) {
                case .certain: certain = true
                case .against: against = true
                case .silent: break
                }
            }
            if against { return }
        }
        guard certain else { return }
        dialect.numberFormat = NumberFormat(decimalSeparator: UInt8(ascii: "."), thousandsSeparator: UInt8(ascii: ","))
    }
}
