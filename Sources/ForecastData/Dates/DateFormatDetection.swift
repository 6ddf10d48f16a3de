/// What `DateFormat.detect(in:)` concluded about a column.
public enum DateFormatDetection: Hashable, Sendable {
    /// Exactly one format reads every non-empty value.
    case detected(DateFormat)
    /// Several formats read every value and the data cannot tell them apart (typically `M/D/YYYY`
    /// against `D/M/YYYY` when no day exceeds 12); the user must choose, e.g. with `--date-format`.
    case ambiguous([DateFormat])
    /// No supported format reads every value (or the column has no values).
    case none
}

extension DateFormat {
    /// Detects the one format that reads the WHOLE column: every value that is not a missing date
    /// (`isMissingDate`: empty, `NA`, `NaT`, …) must parse, so a single `2021-02-30` or a trailing
    /// `x` rules a format out.
    ///
    /// Precedence, first match wins:
    /// 1. Columns of plain digits: all 4 digits between 1000 and 2999 (also written `1700.0`) ⇒
    ///    `year`; all 8 digits and valid dates ⇒ `compactDate` (this beats epoch seconds, which
    ///    would read 8 digits as 1970); all 9–10 digits ⇒ `epochSeconds`; all 12–13 digits ⇒
    ///    `epochMilliseconds`.
    /// 2. Decimal numbers whose integer part has 9–10 (12–13) digits ⇒ `epochSeconds`
    ///    (`epochMilliseconds`); integers of those lengths may be mixed in.
    /// 3. `isoDate`, then `yearMonth`, then `isoDateTime` (which also reads bare dates, so a column
    ///    mixing dates and date-times is `isoDateTime`), `yearMonthDaySlashed`, `yearMonthDayDotted`, `monthNameDayYear`,
    ///    `dayMonthNameYear`, then the months, quarters and fiscal years of `PeriodLayout`
    ///    (`2019-Q1`, `Jan-2020`, `2020M01`, `FY2015`).
    /// 4. Numeric day/month dates with `/`, then `-`, then `.`: if only month-first reads every
    ///    value (some second part exceeds 12) ⇒ `monthDayYear`; if only day-first does (some first
    ///    part exceeds 12) ⇒ `dayMonthYear`; if both do ⇒ `.ambiguous` with both.
    /// 5. The same with two-digit years, after `dayMonthNameShortYear` (`4-Jan-21`):
    ///    `monthDayShortYear`, `dayMonthShortYear` (`1/4/21`, `04.01.21`).
    /// `pattern` formats are never detected; they are what the user gives when this fails.
    ///
    /// Complexity: O(n) per candidate tried, stopping at the first value a candidate cannot read.
    public static func detect<Values: Collection<Substring>>(in values: Values) -> DateFormatDetection {
        // One concrete array, so the loops below are not generic (unspecialised generic code
        // across the module boundary costs several times the parse itself).
        detect(inArray: values as? [Substring] ?? Array(values))
    }

    /// `detect(in:)` for a column held as `String`s.
    public static func detect(in values: [String]) -> DateFormatDetection {
        detect(inArray: values.map { $0[...] })
    }

    private static func detect(inArray values: [Substring]) -> DateFormatDetection {
        var shape = NumericShape()
        var nonEmpty = 0
        for value in values where !isMissingDate(value) {
            guard let lengths = numericShape(of: value) else { continue }
            nonEmpty += 1
            shape.add(lengths)
            if !shape.allNumbers { break }               // not numeric: the digit counts no longer matter
        }
        guard nonEmpty > 0 else { return .none }

        if shape.allPlainIntegers, shape.lengths(within: [8]), readsAll(.compactDate, values) {
            return .detected(.compactDate)
        }
        if shape.allNumbers {
            if shape.lengths(within: [4]), readsAll(.year, values, yearLimit: 1000...2999) { return .detected(.year) }
            // Five-digit day numbers of 1955–2099 (20,000 to 73,000): what a spreadsheet's date cells
            // export as when formatted as numbers.
            if shape.lengths(within: [5]), readsAll(.spreadsheetSerial, values, yearLimit: 1955...2099) {
                return .detected(.spreadsheetSerial)
            }
            if shape.lengths(within: [9, 10]), readsAll(.epochSeconds, values) {
                return .detected(.epochSeconds)
            }
            if shape.lengths(within: [12, 13]), readsAll(.epochMilliseconds, values) {
                return .detected(.epochMilliseconds)
            }
            return .none
        }

        for format in [DateFormat.isoDate, .yearMonth, .isoDateTime, .yearMonthDaySlashed, .yearMonthDayDotted, .monthNameDayYear,
                       .dayMonthNameYear]
        where readsAll(format, values) {
            return .detected(format)
        }
        for layout in PeriodLayout.detectable where readsAll(.period(layout), values) {
            return .detected(.period(layout))
        }
        if let numeric = dayAndMonth(values, monthFirst: DateFormat.monthDayYear, dayFirst: DateFormat.dayMonthYear) {
            return numeric
        }
        // Two-digit years last: a column of four-digit years never reads in them.
        if readsAll(.dayMonthNameShortYear, values) { return .detected(.dayMonthNameShortYear) }
        guard let short = dayAndMonth(values, monthFirst: DateFormat.monthDayShortYear, dayFirst: DateFormat.dayMonthShortYear) else {
            return .none
        }
        // `21.01.04` reads day first and year first alike: the year-first reading is one more
        // candidate, which the calendar or the user settles.
        let formats: [DateFormat]
        switch short {
        case .detected(let format): formats = [format]
        case .ambiguous(let some): formats = some
        case .none: formats = []
        }
        guard let separator = formats.first?.separator else { return short }
        let yearFirst = DateFormat.pattern("%y\(separator.rawValue)%m\(separator.rawValue)%d")
        return readsAll(yearFirst, values) ? .ambiguous(formats + [yearFirst]) : short
    }

    /// Numeric day/month dates with `/`, then `-`, then `.`: month-first or day-first where only
    /// one reads every value, both (ambiguous) where both do; nil where neither does.
    private static func dayAndMonth(_ values: [Substring], monthFirst: (DateSeparator) -> DateFormat,
                                    dayFirst: (DateSeparator) -> DateFormat) -> DateFormatDetection? {
        for separator in DateSeparator.allCases {
            let monthFirst = monthFirst(separator)
            let dayFirst = dayFirst(separator)
            switch (readsAll(monthFirst, values), readsAll(dayFirst, values)) {
            case (true, true): return .ambiguous([monthFirst, dayFirst])
            case (true, false): return .detected(monthFirst)
            case (false, true): return .detected(dayFirst)
            case (false, false): continue
            }
        }
        return nil
    }

    /// The non-numeric format that reads the most of `values` when it reads at least `share` of
    /// them (and five at least) but not all: a date column with bad dates (`2021-02-30`, rows in
    /// another format), which `detect(in:)` rejects since no format reads it whole. nil otherwise.
    /// Plain numbers are left out: a column of counts is not a date column with bad values.
    public static func mostlyReadBy<Values: Collection<Substring>>(_ values: Values, share: Double) -> DateFormat? {
        let present = values.filter { !isMissingDate($0) }
        guard present.count >= 5 else { return nil }
        var best: (format: DateFormat, read: Int)?
        var candidates: [DateFormat] = [.isoDate, .yearMonth, .isoDateTime, .yearMonthDaySlashed, .yearMonthDayDotted, .monthNameDayYear, .dayMonthNameYear]
        for separator in DateSeparator.allCases { candidates += [.monthDayYear(separator), .dayMonthYear(separator)] }
        candidates += PeriodLayout.detectable.map(DateFormat.period)
        candidates.append(.dayMonthNameShortYear)
        for separator in DateSeparator.allCases { candidates += [.monthDayShortYear(separator), .dayMonthShortYear(separator)] }
        for format in candidates {
            let read = present.reduce(0) { $0 + (format.parse($1) == nil ? 0 : 1) }
            if read > best?.read ?? 0 { best = (format, read) }
        }
        guard let best, best.read < present.count, Double(best.read) >= share * Double(present.count) else { return nil }
        return best.format
    }

    /// The position (0-based, counting missing dates too) of the first value that is not a missing
    /// date and that this format cannot read, or nil when it reads them all: what an error message
    /// should point at.
    public func firstUnreadableIndex<Values: Collection<Substring>>(in values: Values) -> Int? {
        firstUnreadableIndex(inArray: values as? [Substring] ?? Array(values))
    }

    private func firstUnreadableIndex(inArray values: [Substring]) -> Int? {
        for (offset, value) in values.enumerated() where parse(value) == nil && !Self.isMissingDate(value) {
            return offset
        }
        return nil
    }

    // MARK: - Detection helpers

    /// Digit counts seen in a column whose values are all numbers.
    private struct NumericShape {
        var allPlainIntegers = true
        var allNumbers = true
        /// Bit k set when some value has k integer digits (lengths of 63 or more share bit 63).
        private var lengthBits: UInt64 = 0

        mutating func add(_ lengths: (integerDigits: Int, isPlainInteger: Bool, isNumber: Bool)) {
            allPlainIntegers = allPlainIntegers && lengths.isPlainInteger
            allNumbers = allNumbers && lengths.isNumber
            lengthBits |= 1 << UInt64(min(lengths.integerDigits, 63))
        }

        /// Whether every value's integer part has one of `allowed` digit counts.
        func lengths(within allowed: [Int]) -> Bool {
            let allowedBits = allowed.reduce(UInt64(0)) { $0 | 1 << UInt64($1) }
            return lengthBits != 0 && lengthBits & ~allowedBits == 0
        }
    }

    /// nil for an empty value; otherwise its leading digit count and whether it is a plain
    /// integer (`digits`) or a decimal number (`digits.digits`).
    private static func numericShape(of value: Substring) -> (integerDigits: Int, isPlainInteger: Bool, isNumber: Bool)? {
        var integerDigits = 0
        var fractionDigits = 0
        var sawPoint = false
        var isNumber = true
        var sawAnything = false
        for byte in value.utf8 where !DateTextCursor.isEdgeWhitespace(byte) {
            sawAnything = true
            if DateTextCursor.isDigit(byte) {
                if sawPoint { fractionDigits += 1 } else { integerDigits += 1 }
            } else if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
            } else {
                isNumber = false
            }
        }
        guard sawAnything else { return nil }
        if sawPoint, fractionDigits == 0 { isNumber = false }
        isNumber = isNumber && integerDigits > 0
        return (integerDigits, isNumber && !sawPoint, isNumber)
    }

    /// Whether `format` reads every non-empty value (and, for years, keeps them in `yearLimit`).
    private static func readsAll(_ format: DateFormat, _ values: [Substring], yearLimit: ClosedRange<Int>? = nil) -> Bool {
        for value in values {
            guard let timestamp = format.parse(value) else {
                if isMissingDate(value) { continue }
                return false
            }
            if let yearLimit, !yearLimit.contains(timestamp.civil.year) { return false }
        }
        return true
    }
}
