import ForecastData

/// Column names that are dates in one format and in order (`1960`, `1961`, … `2023`, or `2019-Q1`,
/// `2019-Q2`, …), at least three of them and at least half of the header: a table with one series
/// per row, as statistics offices publish them. Read down a column, such a file gives a "series" of
/// countries or products, silently meaningless; the reader stops and says so instead.
struct DatesAcrossColumns {
    let first: String
    let last: String
    let count: Int

    init?(header: [String]) {
        let named = header.filter { !DateFormat.isMissingDate($0[...]) }
        let dated = named.filter { name in DateFormat.detect(in: [name]) != .none }
        guard dated.count >= 3, dated.count * 2 >= header.count else { return nil }
        let format: DateFormat
        switch DateFormat.detect(in: dated) {
        case .detected(let one): format = one
        case .ambiguous(let some): format = some[0]
        case .none: return nil
        }
        let stamps = dated.compactMap { format.parse($0) }
        let ascending = zip(stamps, stamps.dropFirst()).allSatisfy { $0 < $1 }
        let descending = zip(stamps, stamps.dropFirst()).allSatisfy { $0 > $1 }
        guard stamps.count == dated.count, ascending || descending else { return nil }
        (first, last, count) = (dated[0], dated[dated.count - 1], dated.count)
    }
}
