extension Frequency {
    /// The one season a series is scored and compared with: its frequency's season, except 1 for
    /// trading days, whose yardstick is the plain naive forecast (share prices have no weekly
    /// season worth copying). MASE, RMSSE, the seasonal-naive baseline of a backtest and the
    /// seasonal candidates of the automatic method all use it, so a backtest's footer and a
    /// forecast's notes speak of the same season.
    public var scoringSeasonPeriod: Int {
        self == .tradingDays ? 1 : seasonPeriod
    }
}

extension TimeSeries {
    /// The season a series is scored and compared with: `Frequency.scoringSeasonPeriod`, but one
    /// session's bars for intraday bars with a session (`TimeSeries.seasonPeriod`).
    public var scoringSeasonPeriod: Int {
        frequency == .tradingDays ? 1 : seasonPeriod
    }
}
