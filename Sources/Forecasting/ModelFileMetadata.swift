import Foundation

/// The `__metadata__` map of a model file (docs/model-format.md), as typed values.
///
/// Required keys, the minimum a PyTorch user writes: `format` = `tsf-model`, `format_version` = `1`,
/// `cell`, `input_size`, `hidden_size`, `num_layers`, `lookback`, `horizon`, `scaler`. Every other key
/// is optional and has the default given beside its field.
struct ModelFileMetadata: Hashable, Sendable {
    static let format = "tsf-model"
    static let formatVersion = 1

    var network: NetworkConfiguration
    var lookback: Int
    var scaler: ScalerKind
    /// `scaler_center`, `scaler_scale`: one value per input column; required unless `scaler` is none.
    var scalerCenters: [Double]
    var scalerScales: [Double]
    /// `transform`, default `none`.
    var transform: TransformKind = .none
    /// `strategy`, default `direct`.
    var strategy: ForecastStrategy = .direct
    /// `forecast_steps`: the steps a forecast makes when none are asked for (`Forecaster.forecastSteps`),
    /// written by a recursive model, whose head forecasts one step per pass; default the head's steps.
    var forecastSteps: Int?
    /// `quantiles`: the levels a quantile head forecasts per step (its `horizon` outputs are steps ×
    /// levels, levels innermost); empty for a point forecast.
    var quantiles: [Double] = []
    /// `method` (with `season` for the seasonal ones), default `network`.
    var method: ForecastMethod = .network
    /// `columns`: target name then feature names (JSON array), default none.
    var columnNames: [String] = []
    /// `frequency`: a frequency code, default irregular.
    var frequency: Frequency = .irregular
    /// The exchange whose sessions the series follows (`Forecaster.exchange`).
    var exchange: ExchangeCalendar.Code?
    /// `lower_bound`: the least value a forecast takes (`Forecaster.lowerBound`), default none.
    var lowerBound: Double?
    /// `history`: the latest raw target values (JSON array), default none.
    var history: [Double] = []
    /// `feature_history`: the latest raw rows of each feature (JSON array of arrays), default none.
    var featureHistory: [[Double]] = []
    /// `known_features`: K, how many of the last input columns are known in advance, default 0.
    /// The head then reads K values for each of the `horizon` steps beside the last hidden state:
    /// `head.weight` is horizon × (hidden_size + K·horizon).
    var knownFeatureCount: Int = 0
    /// `seed`, informational.
    var seed: UInt64?
    /// `statistical_models`: the fitted statistical models a method such as `ets+theta+arima` averages
    /// (JSON array of objects, `StatisticalModelRecord`), in the order the method names them.
    var statisticalModels: [StatisticalModelRecord] = []
    /// `statistical_history`: every value since the first the statistical models were fitted on.
    var statisticalHistory: [Double] = []
    /// `statistical_start`: the rows of the training series before `statistical_history`, default 0.
    var statisticalStart = 0

    /// The map written to a file. Numbers use Swift's shortest round-trip form, so the same model
    /// always gives the same bytes.
    var encoded: [String: String] {
        var map: [String: String] = [
            "format": Self.format,
            "format_version": String(Self.formatVersion),
            "cell": network.cell.rawValue,
            "input_size": String(network.inputSize),
            "hidden_size": String(network.hiddenSize),
            "num_layers": String(network.layers),
            "lookback": String(lookback),
            "horizon": String(network.outputs),
            "scaler": scaler.rawValue,
            "transform": transform.rawValue,
            "strategy": strategy.rawValue,
            "frequency": Self.code(of: frequency),
            "dropout": "\(network.dropout)",
        ]
        if scaler != .none {
            map["scaler_center"] = Self.jsonArray(scalerCenters)
            map["scaler_scale"] = Self.jsonArray(scalerScales)
        }
        if !columnNames.isEmpty { map["columns"] = Self.jsonArray(columnNames) }
        if !history.isEmpty { map["history"] = Self.jsonArray(history) }
        if !featureHistory.isEmpty { map["feature_history"] = "[" + featureHistory.map(Self.jsonArray).joined(separator: ",") + "]" }
        if let seed { map["seed"] = String(seed) }
        if let exchange { map["exchange"] = exchange.rawValue }
        if let lowerBound { map["lower_bound"] = "\(lowerBound)" }
        if knownFeatureCount > 0 { map["known_features"] = String(knownFeatureCount) }
        if let forecastSteps { map["forecast_steps"] = String(forecastSteps) }
        if !quantiles.isEmpty { map["quantiles"] = Self.jsonArray(quantiles) }
        if !statisticalModels.isEmpty {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let data = try! encoder.encode(statisticalModels)  // finite numbers and strings always encode
            map["statistical_models"] = String(decoding: data, as: UTF8.self)
            map["statistical_history"] = Self.jsonArray(statisticalHistory)
            if statisticalStart > 0 { map["statistical_start"] = String(statisticalStart) }
        }
        map["method"] = method.name
        if let period = method.seasonPeriod { map["season"] = String(period) }
        return map
    }

    static func jsonArray(_ values: [Double]) -> String {
        "[" + values.map { "\($0)" }.joined(separator: ",") + "]"
    }

    static func jsonArray(_ values: [String]) -> String {
        let data = try! JSONEncoder().encode(values)  // an array of strings always encodes
        return String(decoding: data, as: UTF8.self)
    }

    /// The short code `Frequency(code:)` reads back.
    static func code(of frequency: Frequency) -> String {
        switch frequency {
        case .yearly: return "Y"
        case .quarterly: return "Q"
        case .monthly: return "M"
        case .weekly: return "W"
        case .daily: return "D"
        case .tradingDays: return "B"
        case .hourly: return "H"
        case let .minutes(n): return "\(n)min"
        case let .seconds(n): return "\(n)s"
        case .irregular: return "irregular"
        }
    }
}
