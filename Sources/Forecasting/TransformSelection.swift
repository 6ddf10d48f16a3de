/// Chooses the target transform from the data when the configuration leaves it open.
///
/// The question is whether the series wanders like a random walk or trends — then a model of its
/// levels is pulled back into the range it saw in training — or moves around a stable level. The
/// augmented Dickey–Fuller test answers it: when a unit root is not rejected at 5 %, the model
/// learns changes, so its forecasts continue from the last value:
/// - unit root and strictly positive values (share prices, sales, GDP): `logReturn`;
/// - unit root with zero or negative values: `difference`;
/// - otherwise (cycles, seasonal levels, noise around a mean): `none`.
public enum TransformSelection {
    public static func choose(for values: [Double]) -> TransformKind {
        guard AugmentedDickeyFuller.hasUnitRoot(values) else { return .none }
        return values.allSatisfy { $0 > 0 } ? .logReturn : .difference
    }
}
