/// Input and target windows packed for a network: inputs `(B, L, D)` and targets `(B, O)`, row-major
/// Float32, where `B` is the window count, `L` the lookback, `D` = 1 + the feature count and `O` the horizon.
///
/// The input vector at each step is `[target, feature₁, feature₂, …]` in the order the features were
/// named, so a model trained here reads columns in the same order at forecast time.
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

    /// Cuts windows of `specification` from `target` and optional `features`, each a column of the
    /// same length (already scaled and transformed as the model expects): the windows starting at
    /// `starts`, or every window when `starts` is nil.
    public init(
        target: [Double], features: [[Double]] = [], specification: WindowSpecification, starts: [Int]? = nil
    ) {
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
            }
        }
        self.specification = specification
        self.inputSize = inputSize
        self.count = starts.count
        self.inputs = inputs
        self.targets = targets
        self.targetStartRows = starts.map { $0 + lookback }
    }
}
