extension Trainer {
    /// Training or validation examples: `count` input windows (`count × L × D`, row-major, each
    /// window's steps in time order) with their targets (`count × O`) and, for a head that reads
    /// known-in-advance values, their head inputs (`count × E`).
    public struct Examples: Sendable {
        public let inputs: [Float]
        public let targets: [Float]
        /// `count × E` values the head reads beside the last hidden state; empty when E = 0.
        public let headInputs: [Float]
        /// E.
        public let headInputWidth: Int
        /// N, the number of windows.
        public let count: Int
        /// L.
        public let lookback: Int
        /// D.
        public let features: Int
        /// O.
        public let outputs: Int

        /// Checks that the buffers hold whole windows and one target row per window.
        public init(inputs: [Float], targets: [Float], lookback: Int, features: Int, outputs: Int,
                    headInputs: [Float] = [], headInputWidth: Int = 0) throws {
            guard lookback > 0, features > 0, outputs > 0 else {
                throw TrainingError.shapeMismatch("lookback \(lookback), features \(features) and outputs \(outputs) must all be positive")
            }
            guard inputs.count % (lookback * features) == 0 else {
                throw TrainingError.shapeMismatch("\(inputs.count) input values are not whole windows of \(lookback) steps × \(features) features")
            }
            guard targets.count % outputs == 0 else {
                throw TrainingError.shapeMismatch("\(targets.count) target values are not whole rows of \(outputs) outputs")
            }
            let windows = inputs.count / (lookback * features)
            guard targets.count / outputs == windows else {
                throw TrainingError.shapeMismatch("\(windows) input windows but \(targets.count / outputs) target rows")
            }
            guard headInputWidth >= 0, headInputs.count == windows * headInputWidth else {
                throw TrainingError.shapeMismatch("\(headInputs.count) head inputs are not \(windows) rows of \(headInputWidth)")
            }
            self.inputs = inputs
            self.targets = targets
            self.headInputs = headInputs
            self.headInputWidth = headInputWidth
            self.count = windows
            self.lookback = lookback
            self.features = features
            self.outputs = outputs
        }

        /// Windows of one univariate series predicting the next `outputs` values: window `i` is
        /// `series[i ..< i+L]`, its targets `series[i+L ..< i+L+O]` (the window contract of docs/architecture.md).
        public init(series: [Float], lookback: Int, outputs: Int = 1) throws {
            let windows = series.count - lookback - outputs + 1
            guard lookback > 0, outputs > 0, windows > 0 else { throw TrainingError.noTrainingExamples }
            var inputs = [Float](); inputs.reserveCapacity(windows * lookback)
            var targets = [Float](); targets.reserveCapacity(windows * outputs)
            for i in 0..<windows {
                inputs.append(contentsOf: series[i ..< i + lookback])
                targets.append(contentsOf: series[i + lookback ..< i + lookback + outputs])
            }
            try self.init(inputs: inputs, targets: targets, lookback: lookback, features: 1, outputs: outputs)
        }
    }
}
