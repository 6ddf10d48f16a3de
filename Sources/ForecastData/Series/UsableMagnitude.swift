/// The largest magnitude a value may have for forecasting: ±1e100.
///
/// A double reaches 1.8e308, but a forecast does more than hold the values: errors are squared
/// (RMSE, the training loss before scaling), summed over thousands of rows and differenced, and at
/// 1e300 those overflow into infinities and zeros that would be reported as numbers. Squares and
/// sums of values up to 1e100 stay far inside the range. No measured quantity comes near it (there
/// are about 1e80 atoms in the observable universe), so a value beyond it is a corrupt field or a
/// unit to divide by.
public enum UsableMagnitude {
    public static let largest = 1e100

    /// How an error ends that refuses such a value: why, and what to do.
    public static let refusal = "beyond ±1e100, where squared errors and sums overflow; divide the column by a power of ten"

    /// Whether `value` is finite and within ±`largest`.
    @inline(__always)
    public static func admits(_ value: Double) -> Bool { abs(value) <= largest }
}
