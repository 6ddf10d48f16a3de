import Foundation
import Forecasting

/// A one-line progress display on stderr while a model trains: epoch, losses and time left.
/// Silent unless stderr is a terminal, so pipes and logs stay clean. Called from the one thread that
/// trains, so its state needs no lock.
final class TrainingProgress: @unchecked Sendable {
    private let maximumEpochs: Int
    private let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast

    init(epochs: Int, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        maximumEpochs = epochs
        self.enabled = enabled
    }

    /// The callback to hand to `Forecaster.fit`.
    func handle(_ event: Trainer.Event) -> Trainer.Decision {
        guard enabled, case let .epochFinished(epoch, trainingLoss, validationLoss) = event else { return .proceed }
        let now = Date()
        guard epoch == maximumEpochs || now.timeIntervalSince(lastDraw) > 0.1 else { return .proceed }
        lastDraw = now
        let elapsed = now.timeIntervalSince(start)
        let left = elapsed / Double(epoch) * Double(maximumEpochs - epoch)
        var line = "epoch \(epoch)/\(maximumEpochs)  loss \(String(format: "%.5f", trainingLoss))"
        if let validationLoss { line += "  validation \(String(format: "%.5f", validationLoss))" }
        line += "  at most \(Self.duration(left)) left"
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
        return .proceed
    }

    /// Clears the progress line.
    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }

    static func duration(_ seconds: Double) -> String {
        seconds < 60 ? "\(Int(seconds.rounded(.up)))s" : "\(Int(seconds / 60))m\(Int(seconds) % 60)s"
    }
}
