import Forecasting
import Foundation

/// A many-series run that cannot go on, or one series' part of it that failed.
public enum ManySeriesError: LocalizedError, Sendable {
    /// No series of the file could be read (each one's error was reported), so nothing is forecast.
    case noSeriesRead(file: String)
    /// One network reads windows of one calendar, but the series have several frequencies
    /// (each with its number of series, most common first).
    case mixedFrequencies(file: String, counts: [(frequency: String, series: Int)])
    /// A series of a run with one network across series holds too few rows to tell its frequency
    /// (one row has none), which that network, reading one calendar, needs: it fails alone.
    case noFrequency(rows: Int)
    /// The source was already read by a run: open it again for another one.
    case sourceAlreadyRead(file: String)
    /// The global model (its name) could not forecast this series.
    case globalModelFailed(name: String, reason: any Error)
    /// Static columns (one value per series) were named for models fitted one per series, where
    /// they would be constant: only a global model learns from them.
    case staticFeaturesNeedGlobal(columns: [String])
    /// A series forecast by its own choice averaged with the network across series was to be saved:
    /// two models forecast it, and a model file holds one (`ManySeriesChoice.averagesOwnChoice`
    /// leaves that blend out of a choice whose models are saved).
    case blendHasNoModelFile(id: String)

    public var errorDescription: String? {
        switch self {
        case let .noSeriesRead(file):
            return "no series of \(file) could be read: each one's reason is given above."
        case let .mixedFrequencies(_, counts):
            let list = counts.map { "\($0.frequency) (\($0.series) series)" }.joined(separator: ", ")
            return "a global model trains on series of one frequency, but the file mixes \(list); forecast them one model per series, or pick series of one frequency."
        case let .noFrequency(rows):
            return "it has \(rows) row\(rows == 1 ? "" : "s"), too few to tell its frequency, which a global model reading one calendar across the series needs."
        case let .sourceAlreadyRead(file):
            return "the series of \(file) were already read by a run; open the file again for another."
        case let .globalModelFailed(name, reason):
            return "\(name): \((reason as? LocalizedError)?.errorDescription ?? String(describing: reason))"
        case let .blendHasNoModelFile(id):
            return "\(id): its forecast averages its own model with the network across series, and a model file holds one model; choose without that blend to save the models."
        case let .staticFeaturesNeedGlobal(columns):
            return "the static column\(columns.count == 1 ? "" : "s") \(columns.map { "\"\($0)\"" }.joined(separator: ", ")) hold\(columns.count == 1 ? "s" : "") one value per series, which a model of one series cannot learn from; train one model across the series (global), or leave \(columns.count == 1 ? "it" : "them") out."
        }
    }

    /// Whether `series` is too short to have a frequency (an irregular series of one or two rows):
    /// in a run with one network across series it fails alone (`noFrequency`) and does not make the
    /// file one of mixed frequencies.
    static func hasNoFrequency(_ series: TimeSeries) -> Bool {
        series.frequency == .irregular && series.count < 3
    }

    /// The frequency every series shares, or nil when there are none.
    static func commonFrequency(_ series: [TimeSeries], file: String) throws -> Frequency? {
        guard let first = series.first else { return nil }
        let counts = Dictionary(grouping: series, by: \.frequency).mapValues(\.count)
        guard counts.count == 1 else {
            throw ManySeriesError.mixedFrequencies(
                file: file, counts: counts.sorted { $0.value > $1.value }.map { ("\($0.key)", $0.value) })
        }
        return first.frequency
    }
}
