/// What a missing-value policy did, so the user can be told (and warned when much was invented).
/// `missing == filled + dropped` always holds.
public struct MissingValueReport: Hashable, Sendable {
    /// NaN values in the input.
    public var missing: Int
    /// Missing values replaced by a value.
    public var filled: Int
    /// Missing values whose rows were removed.
    public var dropped: Int
    /// Of `dropped`, those before the first observed value (no policy can fill them from the past).
    public var leadingDropped: Int
    /// Of `dropped`, those after the last observed value.
    public var trailingDropped: Int

    public init(missing: Int = 0, filled: Int = 0, dropped: Int = 0, leadingDropped: Int = 0, trailingDropped: Int = 0) {
        self.missing = missing
        self.filled = filled
        self.dropped = dropped
        self.leadingDropped = leadingDropped
        self.trailingDropped = trailingDropped
    }
}
