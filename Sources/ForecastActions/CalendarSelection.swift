import ForecastData

/// Which calendar features a model reads (`--calendar auto|none|LIST`): columns generated from the
/// timestamps, known for any future date, so they need no future rows.
public enum CalendarSelection: Hashable, Sendable {
    /// Try the features that suit the frequency (`CalendarFeature.candidates(for:)`) and keep them
    /// only when they lower the validation loss; none on trading days, where a weekday effect in
    /// prices is mostly noise and a second fit would double the cost of every price forecast.
    case automatic
    /// No calendar features.
    case none
    /// Exactly these features.
    case features([CalendarFeature])

    /// Whether features are listed: the only calendar a many-series run makes, since trying them
    /// would fit every series twice.
    public var isListed: Bool {
        if case .features = self { return true }
        return false
    }

    /// `auto`, `none` or a comma-separated list such as `day-of-week,month`.
    public init(parsing text: String) throws(CalendarFeatureError) {
        switch text.trimmingCharacters(in: .whitespaces) {
        case "auto": self = .automatic
        case CalendarFeature.noneName: self = .none
        default: self = .features(try CalendarFeature.parseList(text))
        }
    }
}
