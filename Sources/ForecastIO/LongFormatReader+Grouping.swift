extension LongFormatReader {
    /// Whether a long-format file is grouped by id, found in one pass over its id column alone:
    /// the first place where an id (of those asked for) comes back after another series started, or
    /// nil when the rows of each id are contiguous and the file can be streamed (`LongFormatStream`).
    ///
    /// The pass refuses what reading the whole file would refuse before any series is forecast: an
    /// unknown column, a missing id (with its line), an id of `series` the file lacks, a malformed
    /// record. It keeps no more than a chunk of the id column and the set of ids in memory.
    /// Measured on a 500,000-row file of 1,000 series: see the README's many-series section.
    public static func firstReappearance(
        in source: CSVSource,
        idColumn: String,
        series selection: [String]? = nil,
        target: String,
        features: [String] = [],
        knownFeatures: [String] = [],
        staticFeatures: [String] = [],
        options: CSVReadOptions = CSVReadOptions()
    ) throws(CSVReadError) -> IDReappearance? {
        let options = try options.forLongFormat()
        let (table, columns, idName, _) = try CSVTableStream.groupedByID(
            source, options: options, idColumn: idColumn, target: target,
            features: LongFormatValueLayout.featureNames(features: features, knownFeatures: knownFeatures, staticFeatures: staticFeatures),
            idOnly: true)
        let wanted = selection.map(Set.init)
        var seen: Set<String> = []
        var order: [String] = []
        var reappearance: IDReappearance? = nil
        var more = true
        while more {
            more = try table.advance()
            for group in table.takeGroups() {
                guard let ids = group.columns.first(where: { $0.fileIndex == columns.id }) else {
                    preconditionFailure("the column plan keeps the id column")
                }
                let id = ids.text(0)
                if id.isEmpty {
                    throw .missingID(file: table.fileName, line: group.lines[0], column: ids.name)
                }
                if seen.insert(id).inserted {
                    order.append(id)
                } else if reappearance == nil, wanted?.contains(id) ?? true {
                    reappearance = IDReappearance(file: table.fileName, line: group.lines[0], id: id)
                }
            }
        }
        if table.rowsRead == 0 { throw .noDataRows(file: table.fileName) }
        for id in selection ?? [] where !seen.contains(id) {
            throw .seriesNotFound(file: table.fileName, idColumn: idName, series: id, available: Array(order.prefix(20)))
        }
        return reappearance
    }
}
