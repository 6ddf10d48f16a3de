/// The version of the library and of `tsf`, reported by `tsf --version` and in `tsf bench`'s JSON.
public enum ForecastingVersion {
    public static let number = "0.2.0"
}
