import Forecasting
import Foundation

/// What training saved: the model file, its shape and data preparation, and how training ended.
public struct TrainingResult: Codable, Hashable, Sendable {
    public var model: String
    public var cell: String
    public var layers: Int
    public var hidden: Int
    public var lookback: Int
    public var horizon: Int
    public var transform: String
    public var scaler: String
    public var method: ForecastMethod
    public var epochs: Int
    /// The epoch whose weights were kept (the best on validation with early stopping).
    public var keptEpoch: Int
    public var trainingLoss: Float?
    /// The validation loss of the kept epoch.
    public var validationLoss: Float?

    enum CodingKeys: String, CodingKey {
        case model, cell, layers, hidden, lookback, horizon, transform, scaler, method, epochs
        case keptEpoch = "kept_epoch", trainingLoss = "training_loss", validationLoss = "validation_loss"
    }

    public init(forecaster: Forecaster, path: String) {
        let network = forecaster.networkConfiguration
        let report = forecaster.fitReport
        model = path
        cell = network.cell.rawValue
        layers = network.layers
        hidden = network.hiddenSize
        lookback = forecaster.lookback
        horizon = forecaster.horizon
        transform = forecaster.transform.rawValue
        scaler = forecaster.configuration.scaler.rawValue
        method = forecaster.method
        epochs = report?.trainingLosses.count ?? 0
        keptEpoch = report?.keptEpoch ?? 0
        // Both losses of the kept epoch: the weights that were saved.
        if let report, report.keptEpoch >= 1 {
            if report.keptEpoch <= report.trainingLosses.count { trainingLoss = report.trainingLosses[report.keptEpoch - 1] }
            if report.keptEpoch <= report.validationLosses.count { validationLoss = report.validationLosses[report.keptEpoch - 1] }
        }
    }

    /// The labelled fields of the table and CSV renderings, in their order.
    var fields: [(key: String, value: String)] {
        var fields: [(String, String)] = [
            ("model", model), ("cell", cell), ("layers", String(layers)), ("hidden", String(hidden)),
            ("lookback", String(lookback)), ("horizon", String(horizon)), ("transform", transform),
            ("scaler", scaler), ("epochs", String(epochs)), ("kept_epoch", String(keptEpoch)),
        ]
        if let trainingLoss { fields.append(("training_loss", "\(trainingLoss)")) }
        if let validationLoss { fields.append(("validation_loss", "\(validationLoss)")) }
        return fields
    }

    /// The summary as text.
    public func rendered(_ format: OutputFormat) -> String {
        switch format {
        case .table:
            let width = fields.map(\.key.count).max() ?? 0
            return fields.map { $0.key.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.value }
                .joined(separator: "\n") + "\n"
        case .csv:
            return TextTable.csv([fields.map(\.key), fields.map(\.value)])
        case .json:
            return ResultJSON.encode(self)
        case .jsonl:
            return ResultJSON.line(self)
        }
    }
}
