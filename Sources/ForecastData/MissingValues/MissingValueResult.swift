/// The outcome of `MissingValuePolicy.apply(to:)`.
public struct MissingValueResult: Hashable, Sendable {
    /// The values after filling and dropping; no NaN remains.
    public var values: [Double]
    /// For each output value, its index in the input, increasing: use it to keep timestamps and
    /// other columns aligned with the values.
    public var keptIndices: [Int]
    public var report: MissingValueReport

    public init(values: [Double], keptIndices: [Int], report: MissingValueReport) {
        precondition(values.count == keptIndices.count, "one kept index per value")
        self.values = values
        self.keptIndices = keptIndices
        self.report = report
    }
}
