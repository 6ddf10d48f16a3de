/// A split of a series into an earlier training part and a later validation part.
///
/// Validation windows are the windows whose targets all lie at or after `validationStart`; their
/// inputs may reach back into the training rows, as they would at forecast time, but nothing fitted
/// on the training part (scalers, transforms, weights) ever reads a validation target. Training
/// windows are those whose targets end before `validationStart`.
public struct ChronologicalSplit: Hashable, Sendable {
    /// Total rows in the series.
    public let rows: Int
    /// First row of the validation part; rows before it are training rows.
    public let validationStart: Int

    /// Splits `rows` rows keeping the last `validationFraction` of the rows that can be targets for
    /// validation (0 keeps everything for training).
    ///
    /// The fraction is taken of the targetable rows (`rows − lookback`) so that a short series still
    /// gets whole windows on both sides; the validation part is rounded up to at least `horizon` rows
    /// when the fraction is positive, and the training part keeps at least one window.
    public init(rows: Int, validationFraction: Double, specification: WindowSpecification) {
        precondition((0..<1).contains(validationFraction),
                     "the validation fraction must be in [0, 1), got \(validationFraction)")
        self.rows = rows
        let targetable = max(0, rows - specification.lookback)
        var validationRows = Int((Double(targetable) * validationFraction).rounded())
        if validationFraction > 0 { validationRows = max(validationRows, specification.horizon) }
        validationRows = min(validationRows, max(0, rows - specification.minimumRows))
        self.validationStart = rows - validationRows
    }

    /// Rows `0..<validationStart`: what scalers and transforms may be fitted on.
    public var trainingRows: Range<Int> { 0..<validationStart }

    /// Whether there is any validation data.
    public var hasValidation: Bool { validationStart < rows }

    /// The starts of training windows: every window whose last target row is before `validationStart`.
    public func trainingWindowStarts(_ specification: WindowSpecification) -> [Int] {
        Array(specification.windowStarts(rows: validationStart))
    }

    /// The starts of validation windows: windows whose first target row is at or after
    /// `validationStart`, every `stride` rows.
    public func validationWindowStarts(_ specification: WindowSpecification) -> [Int] {
        guard hasValidation else { return [] }
        let first = max(0, validationStart - specification.lookback)
        let last = rows - specification.minimumRows
        guard first <= last else { return [] }
        return Array(Swift.stride(from: first, through: last, by: specification.stride))
    }
}
