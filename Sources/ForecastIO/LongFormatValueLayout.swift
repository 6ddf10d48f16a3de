/// The value columns a long-format read keeps, by role: the target, observed features, features
/// known in advance, then static columns (one value per series, such as a store's size), each group
/// in the order named.
struct LongFormatValueLayout: Sendable {
    /// Header positions of the target, then every feature, then every static column.
    let indices: [Int]
    /// The known-in-advance features, just before the static columns.
    let knownCount: Int
    /// The static columns, last.
    let staticCount: Int

    /// The names `SeriesColumns.locate` takes as features, in layout order.
    static func featureNames(features: [String], knownFeatures: [String], staticFeatures: [String]) -> [String] {
        features + knownFeatures + staticFeatures
    }

    /// Header positions of the columns read as series (target and features).
    var seriesIndices: [Int] { Array(indices.dropLast(staticCount)) }
    /// Header positions of the static columns.
    var staticIndices: [Int] { Array(indices.suffix(staticCount)) }
}

extension LongFormatReader {
    /// One series' static columns: the one value each holds on every row of the series where it is
    /// given (missing values are skipped).
    ///
    /// - Throws: `CSVReadError.staticValueChanges` naming the first row whose value differs from the
    ///   series' first, `.missingValue` when no row of the series gives one.
    static func staticValues(id: String, part: CSVTable, layout: LongFormatValueLayout,
                             options: CSVReadOptions) throws(CSVReadError) -> (names: [String], values: [Double]) {
        var names: [String] = [], values: [Double] = []
        for index in layout.staticIndices {
            guard let column = part.columns.first(where: { $0.fileIndex == index }) else {
                preconditionFailure("the column plan keeps every value column")
            }
            let (numbers, _) = try column.numbers(in: part, missingTokens: options.missingTokens)
            guard let first = numbers.firstIndex(where: { !$0.isNaN }) else {
                throw .missingValue(file: part.fileName, line: part.lines[0], column: column.name)
            }
            if let changed = numbers.indices.first(where: { !numbers[$0].isNaN && numbers[$0] != numbers[first] }) {
                throw .staticValueChanges(file: part.fileName, line: part.lines[changed], column: column.name, series: id,
                                          value: numbers[changed], first: numbers[first], firstLine: part.lines[first])
            }
            names.append(column.name)
            values.append(numbers[first])
        }
        return (names, values)
    }
}
