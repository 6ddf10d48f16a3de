extension ForecasterConfiguration {
    /// Intraday bars with a trading session take one session's bars as their season, unless a
    /// season was configured: their frequency alone would count a day of 24 hours, and compare a
    /// bar with one several sessions back (`TimeSeries.seasonPeriod`); bars with weekly hours take
    /// one day's bars (23 for futures that pause an hour a day). What every fit of a series read
    /// from a file applies: one series, or each of many.
    public mutating func applySessionSeason(of series: TimeSeries) {
        guard seasonPeriod == nil, series.frequency.isSubDaily, series.session != nil || series.weeklyHours != nil else { return }
        seasonPeriod = series.scoringSeasonPeriod
    }
}
