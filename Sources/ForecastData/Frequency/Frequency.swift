/// How often a series has a value: what the calendar of future steps and seasonal models need.
public enum Frequency: Hashable, Sendable, CustomStringConvertible {
    case yearly
    case quarterly
    case monthly
    case weekly
    /// Every calendar day, weekends included.
    case daily
    /// Monday to Friday, as exchanges trade; holidays are absent rows, not a different frequency.
    case tradingDays
    case hourly
    /// Every `n` minutes (n ≥ 1).
    case minutes(Int)
    /// Every `n` seconds (n ≥ 1).
    case seconds(Int)
    /// No regular step: forecasts are numbered steps without dates.
    case irregular

    public var description: String {
        switch self {
        case .yearly: return "yearly"
        case .quarterly: return "quarterly"
        case .monthly: return "monthly"
        case .weekly: return "weekly"
        case .daily: return "daily"
        case .tradingDays: return "trading days (Monday to Friday)"
        case .hourly: return "hourly"
        case .minutes(let n) where n > 60 && n % 60 == 0: return "every \(n / 60) hours"
        case .minutes(let n): return n == 1 ? "every minute" : "every \(n) minutes"
        case .seconds(let n): return n == 1 ? "every second" : "every \(n) seconds"
        case .irregular: return "irregular"
        }
    }

    /// Whether a step is shorter than a day (hourly, minutes, seconds): steps counted in seconds,
    /// not on the calendar.
    public var isSubDaily: Bool {
        switch self {
        case .hourly, .minutes, .seconds: return true
        case .yearly, .quarterly, .monthly, .weekly, .daily, .tradingDays, .irregular: return false
        }
    }

    /// The usual length of one seasonal cycle, in steps: a default for seasonal baselines and
    /// features, which the user can override.
    ///
    /// yearly 1 (no season), quarterly 4 and monthly 12 (the year), weekly 52 (the year, rounded
    /// down from 52.18), daily 7 and trading days 5 (the week), hourly 24 (the day), `minutes(n)`
    /// 1440 / n (the day) and `seconds(n)` 3600 / n (the hour) when n divides evenly, else 1;
    /// irregular 1.
    public var seasonPeriod: Int {
        switch self {
        case .yearly: return 1
        case .quarterly: return 4
        case .monthly: return 12
        case .weekly: return 52
        case .daily: return 7
        case .tradingDays: return 5
        case .hourly: return 24
        case .minutes(let n): return n > 0 && 1440 % n == 0 ? 1440 / n : 1
        case .seconds(let n): return n > 0 && 3600 % n == 0 ? 3600 / n : 1
        case .irregular: return 1
        }
    }

    /// The nominal step in seconds (a month is 1/12 of 365.2425 days), for spacing plots and for
    /// comparing frequencies; nil for irregular series.
    public var nominalSeconds: Double? {
        let day = 86_400.0
        switch self {
        case .yearly: return 365.2425 * day
        case .quarterly: return 365.2425 * day / 4
        case .monthly: return 365.2425 * day / 12
        case .weekly: return 7 * day
        case .daily: return day
        case .tradingDays: return day * 7 / 5
        case .hourly: return 3600
        case .minutes(let n): return Double(60 * n)
        case .seconds(let n): return Double(n)
        case .irregular: return nil
        }
    }

    /// A frequency from the short codes users type (`--frequency`), case-insensitive:
    /// `Y`/`yearly`/`annual`, `Q`/`quarterly`, `M`/`monthly`, `W`/`weekly`, `D`/`daily`,
    /// `B`/`trading`/`business`/`tradingdays`, `H`/`hourly`, `15min`/`15m`/`min`, `30s`/`s`,
    /// `irregular`. nil for anything else. Whole hours or minutes are normalised (`60min` ⇒
    /// `hourly`, `120s` ⇒ `minutes(2)`), as `infer(from:)` names them.
    public init?(code: String) {
        let text = code.lowercased().filter { $0 != " " }
        switch text {
        case "y", "a", "yearly", "annual", "year": self = .yearly
        case "q", "quarterly", "quarter": self = .quarterly
        case "m", "monthly", "month": self = .monthly
        case "w", "weekly", "week": self = .weekly
        case "d", "daily", "day": self = .daily
        case "b", "trading", "tradingdays", "trading-days", "business", "businessdays": self = .tradingDays
        case "h", "hourly", "hour": self = .hourly
        case "irregular", "none": self = .irregular
        default:
            for (suffix, isMinutes) in [("min", true), ("m", true), ("s", false)] where text.hasSuffix(suffix) {
                let digits = text.dropLast(suffix.count)
                let count = digits.isEmpty ? 1 : Int(digits)
                guard let count, count >= 1 else { return nil }
                switch (isMinutes, count) {
                case (true, 60): self = .hourly                     // one name for one frequency
                case (true, _): self = .minutes(count)
                case (false, _) where count % 60 == 0: self = count == 3600 ? .hourly : .minutes(count / 60)
                case (false, _): self = .seconds(count)
                }
                return
            }
            return nil
        }
    }
}

