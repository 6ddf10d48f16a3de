import ForecastData
import ForecastIO

/// A few weekday rows in a row (Monday to Friday, no weekend between them) read as trading days,
/// though nothing in them says the weekend is closed. Among series of calendar days, as in a daily
/// file where one store has five rows, such a series takes its neighbours' calendar: one network
/// across series reads one calendar, and the file is no mix of frequencies.
enum WeekdayRunFrequency {
    /// Whether `series`, read as trading days, is a run of consecutive calendar days that spans no
    /// weekend, and so reads as daily as well.
    static func readsAsDailyToo(_ series: TimeSeries) -> Bool {
        guard series.frequency == .tradingDays, let timestamps = series.timestamps, timestamps.count >= 2 else { return false }
        return zip(timestamps.dropFirst(), timestamps).allSatisfy { $0.dayNumber - $1.dayNumber == 1 }
    }

    /// `data` with every such run dated daily, when every other series that has a frequency is
    /// daily; unchanged otherwise.
    static func harmonised(_ data: [CSVSeriesData?]) -> [CSVSeriesData?] {
        // A series too short to tell its frequency (one row) is left out of the run, not weighed here.
        let others = data.compactMap { $0?.target }.filter { !readsAsDailyToo($0) && !ManySeriesError.hasNoFrequency($0) }
        guard !others.isEmpty, others.allSatisfy({ $0.frequency == .daily }) else { return data }
        return data.map { item in
            guard var item, readsAsDailyToo(item.target) else { return item }
            item.target.frequency = .daily
            item.target.exchange = nil
            return item
        }
    }
}
