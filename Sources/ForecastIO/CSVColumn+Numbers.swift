import ForecastData
/// A column's values as numbers, with NaN for missing values, or what stopped them being numbers.
struct NumericScan {
    /// One value per row; NaN where the field is missing or, after a failure, not read.
    var values: [Double]
    /// How many fields were missing.
    var missing: Int
    /// The first field that is not a usable number: its row and what was wrong.
    var firstFailure: (row: Int, result: ParsedNumber)?
    /// How many fields were not usable numbers.
    var failures: Int
}

/// Summary statistics of a column read as numbers, gathered without keeping the values.
struct NumericSummary {
    var present = 0
    var missing = 0
    var failures = 0
    var firstFailure: (row: Int, result: ParsedNumber)?
    var minimum = Double.infinity
    var maximum = -Double.infinity
    /// Kahan-compensated sum, so the mean of long price series does not drift.
    var sum = 0.0
    private var compensation = 0.0

    mutating func add(_ value: Double) {
        present += 1
        minimum = min(minimum, value)
        maximum = max(maximum, value)
        let corrected = value - compensation
        let total = sum + corrected
        compensation = (total - sum) - corrected
        sum = total
    }
}

extension CSVColumn {
    /// Counts and min/mean/max of a column, in one pass and without an array of values.
    func summarizeNumbers(format: NumberFormat, missingTokens: MissingTokens) -> NumericSummary {
        var summary = NumericSummary()
        let tokensFirst = missingTokens.includesNumbers
        forEachField { row, bytes in
            if tokensFirst && missingTokens.isMissing(bytes) {
                summary.missing += 1
                return
            }
            switch NumberParsing.parse(bytes, format: format) {
            case .value(let value):
                summary.add(value)
            case let failed:
                if missingTokens.isMissing(bytes) {
                    summary.missing += 1
                } else {
                    summary.failures += 1
                    if summary.firstFailure == nil { summary.firstFailure = (row, failed) }
                }
            }
        }
        return summary
    }

    /// Reads every field as a number in one pass over the column's bytes.
    func scanNumbers(format: NumberFormat, missingTokens: MissingTokens) -> NumericScan {
        var scan = NumericScan(values: [], missing: 0, firstFailure: nil, failures: 0)
        scan.values.reserveCapacity(count)
        let tokensFirst = missingTokens.includesNumbers
        forEachField { row, bytes in
            if tokensFirst && missingTokens.isMissing(bytes) {
                scan.values.append(.nan)
                scan.missing += 1
                return
            }
            switch NumberParsing.parse(bytes, format: format) {
            case .value(let value):
                scan.values.append(value)
            case let failed:
                // Missing tokens are checked only when a field is not a number: `-` and `.` alone are
                // not numbers, so the order cannot confuse the two, and prices skip the token compare.
                scan.values.append(.nan)
                if missingTokens.isMissing(bytes) {
                    scan.missing += 1
                } else {
                    scan.failures += 1
                    if scan.firstFailure == nil { scan.firstFailure = (row, failed) }
                }
            }
        }
        return scan
    }

    /// The numbers of a column a command uses: any field that is neither a number nor missing is an
    /// error naming its line, the column and the value, with a remedy when an option would help.
    func numbers(in table: CSVTable, missingTokens: MissingTokens) throws(CSVReadError) -> (values: [Double], missing: Int) {
        let scan = scanNumbers(format: table.dialect.numberFormat, missingTokens: missingTokens)
        if let (row, result) = scan.firstFailure {
            throw numberError(row: row, result: result, table: table)
        }
        // Missing values are NaN here; only a finite value can be too large.
        if let row = scan.values.firstIndex(where: { $0.isFinite && !UsableMagnitude.admits($0) }) {
            throw .valueTooLarge(file: table.fileName, line: table.lines[row], column: name, value: text(row))
        }
        return (scan.values, scan.missing)
    }

    /// The error for a field that is not a usable number.
    func numberError(row: Int, result: ParsedNumber, table: CSVTable) -> CSVReadError {
        let line = table.lines[row]
        let value = text(row)
        if result == .infinite {
            return .infiniteValue(file: table.fileName, line: line, column: name, value: value)
        }
        var remedy: CSVReadError.Remedy? = nil
        if case .invalid(looksSeparated: true) = result {
            let point = table.dialect.numberFormat.decimalSeparator == UInt8(ascii: ".")
            let foreign: Character = point ? "," : "."
            // A space between two digits, plain or not, only ever groups them.
            let characters = Array(value)
            let spaced = characters.indices.dropFirst().dropLast().contains { index in
                [" ", "\u{00A0}", "\u{202F}", "\u{2009}"].contains(characters[index])
                    && characters[index - 1].isNumber && characters[index + 1].isNumber
            }
            if spaced {
                remedy = .setThousandsSeparator(" ")
            } else if value.contains("'") {
                remedy = .setThousandsSeparator("'")  // Swiss 1'234.50
            } else {
                // Two or more of them can only be thousands separators; one may be either.
                remedy = value.filter({ $0 == foreign }).count > 1
                    ? .setThousandsSeparator(foreign) : .setThousandsOrDecimalSeparator(foreign)
            }
        }
        return .notANumber(file: table.fileName, line: line, column: name, value: value, remedy: remedy)
    }
}
