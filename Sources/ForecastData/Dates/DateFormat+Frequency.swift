extension DateFormat {
    /// The format to write timestamps of a series whose input format is unknown (built in code,
    /// or read without a date column): as coarse as the frequency allows, always ISO 8601.
    ///
    /// yearly ⇒ `YYYY`; monthly ⇒ `YYYY-MM`; quarterly, weekly, daily, trading days ⇒
    /// `YYYY-MM-DD`; hourly and finer, and irregular ⇒ `YYYY-MM-DDTHH:MM:SSZ`. When the input
    /// format is known, write with it instead (`string(from:)`), so output looks like the input.
    public static func preferred(for frequency: Frequency) -> DateFormat {
        switch frequency {
        case .yearly: return .year
        case .monthly: return .yearMonth
        case .quarterly, .weekly, .daily, .tradingDays: return .isoDate
        case .hourly, .minutes, .seconds, .irregular: return .isoDateTime
        }
    }
}

extension Timestamp {
    /// The timestamp written with `DateFormat.preferred(for: frequency)`.
    public func formatted(for frequency: Frequency) -> String {
        DateFormat.preferred(for: frequency).string(from: self)
    }
}
