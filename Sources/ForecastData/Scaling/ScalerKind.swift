/// How values are normalised before they reach a network.
///
/// Every scaler is affine, `scaled = (value − center) / scale`, so its inverse is exact up to rounding.
/// It is fitted on the training part only.
///
/// - `none`: values pass unchanged (center 0, scale 1).
/// - `standard`: center the mean, scale the population standard deviation (divide by n, as
///   scikit-learn's `StandardScaler`).
/// - `minmax`: map the training minimum to 0 and maximum to 1. Forecasts beyond the training range come
///   out beyond [0, 1]; nothing is clipped.
/// - `robust`: center the median, scale the interquartile range (linear-interpolated quartiles), for
///   series with outliers.
///
/// A constant training part has no spread: its scale is taken as 1, so the scaler only shifts.
public enum ScalerKind: String, CaseIterable, Codable, Sendable {
    case none, standard, minmax, robust
}
