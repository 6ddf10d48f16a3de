import Foundation

/// Errors from building or running a network on data that does not fit it.
public enum RecurrentNetworkError: Error, Equatable, LocalizedError {
    case parameterCountMismatch(expected: Int, actual: Int, configuration: NetworkConfiguration)
    case windowSizeMismatch(expected: Int, actual: Int)
    case headInputCountMismatch(expected: Int, actual: Int)

    public var errorDescription: String? {
        switch self {
        case let .parameterCountMismatch(expected, actual, configuration):
            "A \(configuration.cell.rawValue) network with input size \(configuration.inputSize), hidden size \(configuration.hiddenSize), \(configuration.layers) layer(s) and \(configuration.outputs) output(s) needs \(expected) parameters, but \(actual) were given."
        case let .windowSizeMismatch(expected, actual):
            "The input window holds \(actual) values, but the network expects \(expected) (lookback × input size)."
        case let .headInputCountMismatch(expected, actual):
            "The head was given \(actual) known-in-advance values, but it reads \(expected)."
        }
    }
}
