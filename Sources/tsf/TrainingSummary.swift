import Foundation
import Forecasting

/// What `tsf train` prints once the model is saved.
struct TrainingSummary {
    let forecaster: Forecaster
    let path: String

    var fields: [(key: String, value: String)] {
        let network = forecaster.networkConfiguration
        let report = forecaster.fitReport
        var fields: [(String, String)] = [
            ("model", path),
            ("cell", network.cell.rawValue),
            ("layers", String(network.layers)),
            ("hidden", String(network.hiddenSize)),
            ("lookback", String(forecaster.lookback)),
            ("horizon", String(forecaster.horizon)),
            ("transform", forecaster.transform.rawValue),
            ("scaler", forecaster.configuration.scaler.rawValue),
            ("epochs", String(report?.trainingLosses.count ?? 0)),
            ("kept_epoch", String(report?.keptEpoch ?? 0)),
        ]
        if let loss = report?.trainingLosses.last { fields.append(("training_loss", "\(loss)")) }
        if let report, report.keptEpoch >= 1, report.keptEpoch <= report.validationLosses.count {
            fields.append(("validation_loss", "\(report.validationLosses[report.keptEpoch - 1])"))
        }
        return fields
    }

    func render(_ format: OutputFormat) -> String {
        switch format {
        case .table:
            let width = fields.map(\.key.count).max() ?? 0
            return fields.map { $0.key.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.value }
                .joined(separator: "\n") + "\n"
        case .csv:
            return fields.map(\.key).joined(separator: ",") + "\n"
                + fields.map { $0.value.contains(",") ? "\"\($0.value)\"" : $0.value }.joined(separator: ",") + "\n"
        case .json:
            let numeric: Set<String> = ["layers", "hidden", "lookback", "horizon", "epochs", "kept_epoch", "training_loss", "validation_loss"]
            let body = fields.map { field in
                "  \(ForecastTable.jsonString(field.key)): " + (numeric.contains(field.key) ? field.value : ForecastTable.jsonString(field.value))
            }
            return "{\n" + body.joined(separator: ",\n") + "\n}\n"
        }
    }
}
