import Foundation
import Forecasting

/// Tells the user, on stderr, what fitting decided from the data and how training ended.
enum FitNotes {
    static func report(_ forecaster: Forecaster) {
        guard let report = forecaster.fitReport else { return }
        for decision in report.decisions { ToolFailure.printError("note: \(decision)") }
        let epochs = report.trainingLosses.count
        if forecaster.method != .network {
            ToolFailure.printError("note: forecasting with \(forecaster.method.name), not the network alone (--method network forces the network)")
        }
        var summary = "note: trained \(forecaster.configuration.cell.rawValue) on \(report.trainingWindows) window\(report.trainingWindows == 1 ? "" : "s") for \(epochs) epoch\(epochs == 1 ? "" : "s")"
        if report.stoppedEarly { summary += ", stopped early" }
        if report.keptEpoch != epochs {
            summary += ", kept epoch \(report.keptEpoch) (the lowest loss on the \(report.validationWindows) validation windows"
            summary += report.keptEpoch <= 2 ? "; a best epoch this early means further training only fitted noise)" : ")"
        }
        ToolFailure.printError(summary)
    }
}
