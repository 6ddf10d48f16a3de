/// Whether a `Forecaster` clips its gradients: an explicit "off", so that `nil` in a configuration
/// only ever means "decide from the data". (`GradientClipping` in ForecastNN does the clipping.)
public enum GradientClippingSetting: Hashable, Codable, Sendable {
    /// Take the optimizer's steps unclipped, as PyTorch does by default.
    case off
    /// Scale the gradients down whenever their global L2 norm exceeds this positive value.
    case norm(Double)

    /// The largest norm, or nil when off.
    public var maxNorm: Double? {
        if case let .norm(value) = self { return value }
        return nil
    }
}
