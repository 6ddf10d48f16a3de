extension CSVDialect {
    /// The most records a preamble may hold.
    static let longestPreamble = 10

    /// How many leading records are a preamble above the header rather than the table: a download's
    /// notes (`"Data Source","World Development Indicators"`, `"Last Updated Date","2024-06-28"`, as
    /// the World Bank writes them, or a logger's `# station 12` lines), each narrower than the record
    /// after them, which every later sampled record matches (the last one, which the sample may cut,
    /// aside). 0 when the first record is as wide as the table, as in most files.
    static func preambleRecords(_ records: [[String]]) -> Int {
        guard records.count >= 4 else { return 0 }
        for length in 1 ... min(longestPreamble, records.count - 3) {
            let width = records[length].count
            guard width >= 2, records[..<length].allSatisfy({ $0.count < width }) else { continue }
            let table = records[length...].dropLast()
            if table.count >= 2, table.allSatisfy({ $0.count == width }) { return length }
        }
        return 0
    }
}
