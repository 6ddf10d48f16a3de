import ForecastData

/// A column of years and, beside it, a column of the month or quarter within each year
/// (`Year,Month,Sales`; `Jahr;Quartal;Umsatz`): the rows are dated by the two together, so they are
/// read as one time column. Each row's timestamp is the 1st of its month, or of its quarter's first
/// month, and dates are written as ISO months (`2024-03`) or quarters (`2024-Q2`), the form the two
/// columns would take as one, which reads back as the same calendar.
///
/// Found only when neither a date column nor a date format was given: each of those says how one
/// column is to be read, and the years then repeat, which the duplicate-timestamp error explains
/// (`CSVReadError.Remedy.combineDateColumns`).
struct YearPeriodColumns: Sendable, Equatable {
    /// What the second column counts within a year.
    enum Unit: Sendable, Equatable {
        case month
        case quarter

        /// Headers naming the unit, in the languages of `TimeColumn.recognisedNames`, lower case.
        var headerNames: Set<String> {
            switch self {
            case .month: ["month", "monat", "mois", "mes", "mês", "mese", "maand"]
            case .quarter: ["quarter", "quartal", "trimestre", "kwartaal"]
            }
        }

        /// The unit a header names (`Monat`, `Quarter`), in any case; nil for any other header.
        init?(header: String) {
            let folded = header.lowercased()
            guard let unit = [Unit.month, .quarter].first(where: { $0.headerNames.contains(folded) }) else { return nil }
            self = unit
        }

        /// What a value of the column must be, for messages.
        var expected: String {
            switch self {
            case .month: "month (1 to 12, or a month's name such as Mar, März or mars)"
            case .quarter: "quarter (1 to 4, or Q1 to Q4)"
            }
        }

        /// The first month of the period `text` names: `3`, `03`, `Mar`, `März` or `mars` for a
        /// month; `2` or `Q2` for a quarter (month 4). nil when it names none.
        func firstMonth(of text: String) -> Int? {
            var text = text
            return text.withUTF8 { firstMonth(of: UnsafeRawBufferPointer($0)) }
        }

        /// The same for the bytes of a field: numbers are read without making a String, since a
        /// long-format file has a month on each of its rows.
        func firstMonth(of bytes: UnsafeRawBufferPointer) -> Int? {
            switch self {
            case .month:
                if let number = Self.smallNumber(bytes) { return (1...12).contains(number) ? number : nil }
                return MonthNames.month(named: String(decoding: bytes, as: UTF8.self))
            case .quarter:
                let digits = bytes.first == UInt8(ascii: "Q") || bytes.first == UInt8(ascii: "q")
                    ? UnsafeRawBufferPointer(rebasing: bytes.dropFirst()) : bytes
                guard let quarter = Self.smallNumber(digits), (1...4).contains(quarter) else { return nil }
                return 3 * quarter - 2
            }
        }

        /// One or two ASCII digits as a number, also with a zero fraction (`3.0`, as a spreadsheet
        /// that stores numbers as decimals exports them); nil for anything else.
        static func smallNumber(_ bytes: UnsafeRawBufferPointer) -> Int? {
            var digits = bytes
            if digits.count >= 3, digits[digits.count - 1] == UInt8(ascii: "0"),
               digits[digits.count - 2] == UInt8(ascii: ".") || digits[digits.count - 2] == UInt8(ascii: ",") {
                digits = UnsafeRawBufferPointer(rebasing: digits.dropLast(2))
            }
            guard (1...2).contains(digits.count), digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
    }

    /// Header position and name of the years.
    let year: Int
    let yearName: String
    /// Header position and name of the months or quarters.
    let period: Int
    let periodName: String
    let unit: Unit

    /// Headers of a year column, in the languages of `TimeColumn.recognisedNames`, lower case.
    static let yearHeaderNames: Set<String> = ["year", "jahr", "année", "annee", "año", "anno", "ano", "jaar"]
    /// Headers of a day-of-month column: beside a year and a month, the rows are days, which two
    /// columns would read as months (one row a month kept, the others lost as repeats).
    static let dayHeaderNames: Set<String> = ["day", "tag", "jour", "día", "dia", "giorno", "dag"]

    /// Whether `header` names a day-of-month column (`dayHeaderNames`, in any case).
    static func hasDayColumn(_ header: [String]) -> Bool {
        header.contains { dayHeaderNames.contains($0.lowercased()) }
    }

    /// The two columns of `context`: a column named for a month (or, failing that, a quarter)
    /// beside the time column found (`time`) when it holds years, or, when none was found, beside a
    /// column named for years that mostly holds them (one value that is no year keeps a column
    /// from being found as a time column, and would leave the rows undated). nil when there are
    /// no such columns, or `options` name a date column or a date format.
    ///
    /// The second column's values are not looked at, nor every year: reading names the first
    /// value that is not a year, month or quarter, rather than dating the rows by the year alone.
    static func locate(in context: CSVHeaderContext, time: Int?, options: CSVReadOptions) -> YearPeriodColumns? {
        guard options.dateColumn == nil, options.dateFormat == nil else { return nil }
        let folded = context.header.map { $0.lowercased() }
        guard !hasDayColumn(context.header) else { return nil }
        let year: Int
        if let time {
            guard case .detected(.year) = DateFormat.detect(in: TimeColumn.sampleValues(of: time, in: context, options: options)) else {
                return nil
            }
            year = time
        } else {
            guard let named = folded.indices.first(where: { yearHeaderNames.contains(folded[$0]) }) else { return nil }
            let values = TimeColumn.sampleValues(of: named, in: context, options: options)
            guard !values.isEmpty, 2 * values.count(where: { DateFormat.year.parse($0) != nil }) >= values.count else { return nil }
            year = named
        }
        for unit in [Unit.month, .quarter] {
            if let period = context.header.indices.first(where: { $0 != year && Unit(header: context.header[$0]) == unit }) {
                return YearPeriodColumns(year: year, yearName: context.header[year], period: period,
                                         periodName: context.header[period], unit: unit)
            }
        }
        return nil
    }

    /// Both columns' header positions.
    var indices: [Int] { [year, period] }

    /// The name of the time column the two make, for messages: `Year and Month`.
    var name: String { "\(yearName) and \(periodName)" }

    /// What a reader tells about a file read so, once for the file (not per series of a
    /// long-format file): no column was named, so the user learns which two date the rows.
    func warning(file: String) -> CSVWarning {
        let what = unit == .month
            ? "months, written YYYY-MM (March 2024 as 2024-03)"
            : "quarters, written YYYY-Qn (the second quarter of 2024 as 2024-Q2)"
        return CSVWarning("\(file): rows are dated by \"\(yearName)\" and \"\(periodName)\" together, read as one date column of \(what).")
    }

    /// The rows of `table` dated by the two columns together.
    ///
    /// - Throws: `CSVReadError.missingDate` for an empty year or period,
    ///   `CSVReadError.invalidDatePart` for a year that is not one, or a month or quarter out of range.
    func parse(_ table: CSVTable, missingTokens: MissingTokens) throws(CSVReadError) -> TimeColumn {
        guard let years = table.columns.first(where: { $0.fileIndex == year }),
              let periods = table.columns.first(where: { $0.fileIndex == period }) else {
            preconditionFailure("the column plan keeps both date columns")
        }
        let file = table.fileName
        var timestamps: [Timestamp] = []
        timestamps.reserveCapacity(table.rowCount)
        for row in 0..<table.rowCount {
            let yearNumber = years.withField(row) { bytes in
                DateFormat.year.parse(utf8: bytes.assumingMemoryBound(to: UInt8.self))?.civil.year
            }
            let month = periods.withField(row) { unit.firstMonth(of: $0) }
            guard let yearNumber, let month else {
                // The first of the two that fails is named: empty, or not a year, month or quarter.
                let (column, expected) = yearNumber == nil ? (years, "year (four digits)") : (periods, unit.expected)
                let text = column.text(row)
                if missingTokens.isMissing(text) { throw .missingDate(file: file, line: table.lines[row], column: column.name) }
                throw .invalidDatePart(file: file, line: table.lines[row], column: column.name, value: text, expected: expected)
            }
            timestamps.append(Timestamp(year: yearNumber, month: month, day: 1))
        }
        // Forecasts are dated `2024-01`, or `2024-Q2` for quarters; either reads back as one column.
        return TimeColumn(name: name, format: unit == .quarter ? .period(.yearDashQuarter) : .yearMonth, timestamps: timestamps)
    }
}
