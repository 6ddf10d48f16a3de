extension CSVDialect {
    /// The most records a preamble may hold.
    static let longestPreamble = 10

    /// How many leading records are notes above the header rather than the table: a download's
    /// notes (`"Data Source","World Development Indicators"`, `"Last Updated Date","2024-06-28"`, as
    /// the World Bank writes them), a logger's `# station 12` lines, or a title padded to the table's
    /// width (`Sales report 2024,,`). A note is a record whose first field starts with `#`, one at
    /// most half as wide as the record after the notes, or one whose only filled field is its first;
    /// the record after them starts the table, and every later sampled record (the last one, which
    /// the sample may cut, aside) is as wide. 0 when the first record is no note, as in most files:
    /// a header a field or two narrower than its rows (rows that end in a stray delimiter) is the
    /// header, and its rows a ragged-row error.
    static func preambleRecords(_ records: [[String]]) -> Int {
        guard records.count >= 3 else { return 0 }
        for length in 1 ... min(longestPreamble, records.count - 2) {
            // Still among the notes while a record is one above the record after it.
            if isNote(records[length], tableWidth: records[length + 1].count) { continue }
            let width = records[length].count
            guard records[..<length].allSatisfy({ isNote($0, tableWidth: width) }) else { return 0 }
            let table = records[length...].dropLast()
            return table.count >= 2 && table.allSatisfy({ $0.count == width }) ? length : 0
        }
        return 0
    }

    /// Whether `record` reads as a note above a table `tableWidth` fields wide.
    static func isNote(_ record: [String], tableWidth: Int) -> Bool {
        if let first = record.first, first.hasPrefix("#"), first.count > 1 { return true }
        guard tableWidth >= 2, record.count <= tableWidth else { return false }
        return 2 * record.count <= tableWidth || record.dropFirst().allSatisfy(\.isEmpty)
    }

    /// Leading records whose first field starts with `#`: comments, whatever the delimiter splits
    /// them into, which delimiter detection looks past.
    static func commentRecords(_ records: [[String]]) -> Int {
        records.prefix(longestPreamble).prefix { $0.first.map { $0.hasPrefix("#") && $0.count > 1 } ?? false }.count
    }
}
