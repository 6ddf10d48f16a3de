import ForecastIO
import Forecasting

/// Reads the target and feature columns a command models, reporting the reader's warnings.
enum SeriesLoading {
    static func read(file: String, series: SeriesOptions, csv: CSVOptions) throws -> CSVSeriesData {
        let data = try SeriesReader.read(
            CSVSource(argument: file), target: series.column, features: series.featureNames, options: csv.readOptions)
        DataWarnings.report(data.warnings)
        return data
    }
}

extension CSVSeriesData {
    /// Feature columns as plain values, in the order they were named.
    var featureValues: [[Double]] { features.map(\.values) }
    /// The target's name, then each feature's.
    var columnNames: [String] { [target.name] + features.map(\.name) }
}
