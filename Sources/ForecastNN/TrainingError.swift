import Foundation

/// Why training could not start or had to stop; each case says what the user can do about it.
public enum TrainingError: LocalizedError, Hashable, Sendable {
    /// The loss became NaN or infinite: the weights diverged.
    case nonFiniteLoss(epoch: Int, batch: Int, value: Float)
    /// The gradient norm became NaN or infinite before the update was applied.
    case nonFiniteGradient(epoch: Int, batch: Int)
    /// There is nothing to train on.
    case noTrainingExamples
    /// Inputs and targets do not describe the same number of examples or the network's sizes.
    case shapeMismatch(String)
    /// A setting is outside its valid range.
    case invalidSetting(name: String, value: String, expected: String)

    public var errorDescription: String? {
        let remedy = "lower the learning rate, enable gradient clipping, or scale the data (for example z-score it)"
        switch self {
        case let .nonFiniteLoss(epoch, batch, value):
            return "Training diverged in epoch \(epoch), batch \(batch): the loss became \(value); \(remedy)."
        case let .nonFiniteGradient(epoch, batch):
            return "Training diverged in epoch \(epoch), batch \(batch): the gradients became non-finite; \(remedy)."
        case .noTrainingExamples:
            return "There are no training examples: the series is shorter than the lookback plus the horizon."
        case let .shapeMismatch(detail):
            return "The training data does not fit the network: \(detail)."
        case let .invalidSetting(name, value, expected):
            return "The training setting \(name) = \(value) is invalid; expected \(expected)."
        }
    }
}
