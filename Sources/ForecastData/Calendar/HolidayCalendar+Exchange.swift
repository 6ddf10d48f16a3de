extension HolidayCalendar {
    /// The weekdays `exchange` is closed in `years`, unnamed (the rules give dates, not names).
    ///
    /// Weekend holidays are left out, as the exchange lists them: a trading-day series has no row
    /// on a weekend to flag. Dates outside `years` are not holidays, so cover the series and its
    /// forecast.
    public init(exchange: ExchangeCalendar, years: ClosedRange<Int>) {
        self.init(years.flatMap { year in
            exchange.closedWeekdays(inYear: year).map { dayNumber in
                let date = CivilCalendar.date(fromDays: dayNumber)
                return Holiday(year: date.year, month: date.month, day: date.day)
            }
        })
    }
}
