extension Frequency {
    /// The horizon forecast when the user names none: about one natural planning period.
    ///
    /// yearly 5, quarterly 8 (two years), monthly 12 (a year), weekly 13 (a quarter), daily 14 (two
    /// weeks), trading days 5 (a week), hourly 24 (a day), every n minutes or seconds: an hour's
    /// worth (at least 1 and at most 60 steps), irregular 10.
    public var defaultHorizon: Int {
        switch self {
        case .yearly: return 5
        case .quarterly: return 8
        case .monthly: return 12
        case .weekly: return 13
        case .daily: return 14
        case .tradingDays: return 5
        case .hourly: return 24
        case let .minutes(n): return min(60, max(1, 60 / max(1, n)))
        case let .seconds(n): return min(60, max(1, 3600 / max(1, n)))
        case .irregular: return 10
        }
    }
}
