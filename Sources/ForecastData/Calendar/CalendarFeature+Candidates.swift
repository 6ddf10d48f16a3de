extension CalendarFeature {
    /// The features worth trying at `frequency` (what `--calendar auto` tries), in column order,
    /// with `holiday` added when holidays are known and steps are a day or shorter.
    ///
    /// A feature earns its place when it tells the network a phase that its lookback cannot show,
    /// or that it would have to learn from few examples:
    /// - sub-daily: `hour-of-day` and `day-of-week`. A day is 24 to 86 400 steps and a week seven
    ///   times that, beyond any lookback, so the network cannot see where in them a step is.
    /// - daily: `day-of-week` and `day-of-year`. The week is inside the lookback, but a direct
    ///   forecast of several steps must still know which step is a Sunday; the year (365 steps) is
    ///   not inside it.
    /// - trading days: `day-of-week` only. Share prices show weekday effects but hardly a yearly
    ///   season, which a smooth yearly input would invite the network to fit from noise.
    /// - weekly: `week-of-year`, since the year's 52 steps exceed the usual lookback.
    /// - monthly: `month`. The year's 12 steps may fit in the lookback, but short monthly series
    ///   allow only short lookbacks, and each forecast step needs its month.
    /// - quarterly: none; the four-step season is inside any lookback, so the seasonal lag already
    ///   carries it. Yearly: none, there is no season within a step. Irregular: none, the steps
    ///   have no regular place on the calendar.
    /// - `holiday`: a holiday is a day, so it means something only for steps of a day or shorter.
    public static func candidates(for frequency: Frequency, hasHolidays: Bool = false) -> [CalendarFeature] {
        let periodic: [CalendarFeature]
        switch frequency {
        case .hourly, .minutes, .seconds: periodic = [.hourOfDay, .dayOfWeek]
        case .daily: periodic = [.dayOfWeek, .dayOfYear]
        case .tradingDays: periodic = [.dayOfWeek]
        case .weekly: periodic = [.weekOfYear]
        case .monthly: periodic = [.month]
        case .quarterly, .yearly, .irregular: periodic = []
        }
        let daysOrShorter = frequency.isSubDaily || frequency == .daily || frequency == .tradingDays
        return periodic + (hasHolidays && daysOrShorter ? [.holiday] : [])
    }
}
