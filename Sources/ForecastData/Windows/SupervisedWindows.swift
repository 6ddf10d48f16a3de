/// Input and target windows packed for a network: inputs `(B, L, D)` and targets `(B, O)`, row-major
/// Float32, where `B` is the window count, `L` the lookback, `D` = 1 + the feature count and `O` the horizon.
///
/// The input vector at each step is `[target, feature₁, feature₂, …]` in the order the features were
/// named, so a model trained here reads columns in the same order at forecast time.
///
/// When the last K features are known in advance, each window also carries their values at its O
/// target rows as head inputs `(B, O, K)` row-major (step-major: all K values of the first target
/// step, then the second's), which the network's head reads beside its last hidden state.
public struct SupervisedWindows: Sendable {
    public let specification: WindowSpecification
    /// Values per step `D`.
    public let inputSize: Int
    /// Number of windows `B`.
    public let count: Int
    /// `(B, L, D)` row-major.
    public let inputs: [Float]
    /// `(B, O)` row-major.
    public let targets: [Float]
    /// The row index of each window's first target, for mapping forecasts back to time.
    public let targetStartRows: [Int]
    /// `(B, O, K)` row-major: the known-in-advance features at each window's target rows.
    public let headInputs: [Float]
    /// O × K values per window.
    public var headInputWidth: Int { specification.horizon * knownFeatureCount }
    /// K, the trailing features that are known in advance.
    public let knownFeatureCount: Int

    /// Cuts windows of `specification` from `target` and optional `features`, each a column of the
    /// same length (already scaled and transformed as the model expects): the windows starting at
    /// `starts`, or every window when `starts` is nil. The last `knownFeatureCount` features are
    /// known in advance and also fill `headInputs`.
    public init(
        target: [Double], features: [[Double]] = [], knownFeatureCount: Int = 0,
        specification: WindowSpecification, starts: [Int]? = nil
    ) {
        precondition(knownFeatureCount >= 0 && knownFeatureCount <= features.count,
                     "\(knownFeatureCount) known features among \(features.count)")
        for (index, feature) in features.enumerated() {
            precondition(feature.count == target.count,
                         "feature \(index) has \(feature.count) rows, the target \(target.count)")
        }
        let lookback = specification.lookback
        let horizon = specification.horizon
        let inputSize = 1 + features.count
        let starts = starts ?? Array(specification.windowStarts(rows: target.count))
        precondition(starts.allSatisfy { $0 >= 0 && $0 + specification.minimumRows <= target.count },
                     "a window start lies outside the series")
        var inputs = [Float](repeating: 0, count: starts.count * lookback * inputSize)
        var targets = [Float](repeating: 0, count: starts.count * horizon)
        let known = features.suffix(knownFeatureCount)
        var headInputs = [Float](repeating: 0, count: starts.count * horizon * knownFeatureCount)
        var position = 0
        for (window, start) in starts.enumerated() {
            for row in start ..< start + lookback {
                inputs[position] = Float(target[row])
                for (column, feature) in features.enumerated() {
                    inputs[position + 1 + column] = Float(feature[row])
                }
                position += inputSize
            }
            for step in 0 ..< horizon {
                targets[window * horizon + step] = Float(target[start + lookback + step])
                for (column, feature) in known.enumerated() {
                    headInputs[(window * horizon + step) * knownFeatureCount + column] = Float(feature[start + lookback + step])
                }
            }
        }
        self.specification = specification
        self.inputSize = inputSize
        self.count = starts.count
        self.inputs = inputs
        self.targets = targets
        self.targetStartRows = starts.map { $0 + lookback }
        self.headInputs = headInputs
        self.knownFeatureCount = knownFeatureCount
    }
}
