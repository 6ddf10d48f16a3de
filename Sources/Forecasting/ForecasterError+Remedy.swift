extension ForecasterError {
    /// A change to the configuration or the call that would get past an error, kept as data so that
    /// each host words it in its own terms: an app names its settings, a command line its flags.
    public enum Remedy: Hashable, Sendable, CustomStringConvertible {
        /// Use `TransformKind.difference` or no transform, which accept zero and negative values.
        case avoidLogTransform
        /// Train the model with this `horizon`, so it forecasts that many steps directly.
        case trainWithHorizon(Int)
        /// Lower `learningRate`, or set `clipNorm` to clip gradients.
        case lowerLearningRateOrClip
        /// Lower `lookback` or `horizon`, or set `validationFraction` to 0.
        case shortenLookbackOrHorizon

        /// The remedy in the library's words, as `ForecasterError.errorDescription` ends.
        public var description: String {
            switch self {
            case .avoidLogTransform:
                "use the difference transform or none"
            case .trainWithHorizon(let steps):
                "train with a horizon of \(steps)"
            case .lowerLearningRateOrClip:
                "lower the learning rate or enable gradient clipping with a clipping norm"
            case .shortenLookbackOrHorizon:
                "use a shorter lookback or horizon, or a validation fraction of 0"
            }
        }
    }
}
