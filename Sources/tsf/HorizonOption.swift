import ArgumentParser
import Forecasting

/// `--horizon`, shared by every command that takes it: from 1 step to the most a model records.
enum HorizonOption {
    static func validate(_ horizon: Int?) throws {
        if let horizon, !(1...ForecasterConfiguration.largestSteps).contains(horizon) {
            throw ValidationError("--horizon must be from 1 to \(ForecasterConfiguration.largestSteps), not \(horizon).")
        }
    }
}
