extension CSVDialect {
    /// The most records a preamble may hold.
    static let longestPreamble = 10

    /// How many leading records are notes above the header rather than the table: a download's
    /// notes (`"Data Source","World Development Indicators"`, `"Last Updated Date","2024-06-28"`, as
    /// the World Bank writes them), a logger's `# station 12` lines, a bank export's `Account;DE12…`
    /// lines, or a title padded to the table's width (`Sales report 2024,,`). The header is the
    /// first record, within `longestPreamble` of the top, after which every sampled record (the
    /// last one, which the sample may cut, aside; two at least) is as wide as it, and every record
    /// above it is a note (`isNote`). 0 when the first record is the header, as in most files: a
    /// header a field or two narrower than its rows (rows that end in a stray delimiter) stays the
    /// header, and its rows a ragged-row error.
    static func preambleRecords(_ records: [[String]]) -> Int {
        guard records.count >= 3 else { return 0 }
        for length in 1 ... min(longestPreamble, records.count - 2) {
            let header = records[length]
            let width = header.count
            let table = records[length...].dropLast()
            // A `#` comment as wide as the table is a note, never the header, and so is a record of
            // values alone: a header names at least one column.
            guard !isComment(header), !header.allSatisfy(looksLikeValue), table.count >= 2,
                  table.allSatisfy({ $0.count == width }) else { continue }
            let namesColumns = header.allSatisfy { !looksLikeValue($0) }
            // A title as wide as the table (`Prices, daily close` above `Date,Close`, `Exportiert
            // am;16.01.2024;` above `Datum;Umsatz;Stück`) is a note where the record under it names a
            // time column and it names none.
            // (Not above `Date,,,`, the last of a yfinance file's three header lines.)
            let namesTime = namesTimeColumn(header) && header.count { !$0.isEmpty } >= 2
            if records[..<length].allSatisfy({
                isNote($0, tableWidth: width, aboveNames: namesColumns)
                    || (namesTime && $0.count == width && !namesTimeColumn($0) && !$0.allSatisfy(looksLikeValue))
            }) { return length }
        }
        return 0
    }

    /// Whether `record` reads as a note above a table `tableWidth` fields wide: a `#` comment, a
    /// record whose only filled field is its first, or a narrower record, at most half as wide or,
    /// above a header of names (`aboveNames`: no field reads as a value), any narrower. A narrower
    /// record above a first row of values is the header of a ragged table, not a note.
    static func isNote(_ record: [String], tableWidth: Int, aboveNames: Bool = false) -> Bool {
        if isComment(record) { return true }
        guard tableWidth >= 2, record.count <= tableWidth else { return false }
        if record.dropFirst().allSatisfy(\.isEmpty) { return true }
        return 2 * record.count <= tableWidth || (aboveNames && record.count < tableWidth)
    }

    /// Whether a header field reads as a value rather than a name: it starts with a digit, or a
    /// sign or point before one (`2024-01-02`, `-1.5`, `.5`, also `2019-Q1`: looser than
    /// `looksLikeNumberOrDate`, which weighs whole fields when the delimiter is chosen).
    static func looksLikeValue(_ field: String) -> Bool {
        let bytes = Array(field.utf8.drop { $0 == UInt8(ascii: " ") }.prefix(2))
        guard let first = bytes.first else { return false }
        if first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9") { return true }
        guard [UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: ".")].contains(first), bytes.count == 2 else { return false }
        return bytes[1] >= UInt8(ascii: "0") && bytes[1] <= UInt8(ascii: "9")
    }

    /// Whether a record names a column the way a time column is named (`Date`, `Datum`, `Time`).
    static func namesTimeColumn(_ record: [String]) -> Bool {
        record.contains { TimeColumn.recognisedNames.contains($0.trimmingSpaces().lowercased()) }
    }

    /// Leading records whose first field starts with `#`: comments, whatever the delimiter splits
    /// them into, which delimiter detection looks past.
    static func commentRecords(_ records: [[String]]) -> Int {
        records.prefix(longestPreamble).prefix(while: isComment).count
    }

    /// Whether `record`'s first field starts with `#` and goes on (a column named `#` alone is a name).
    static func isComment(_ record: [String]) -> Bool {
        record.first.map { $0.hasPrefix("#") && $0.count > 1 } ?? false
    }
}
