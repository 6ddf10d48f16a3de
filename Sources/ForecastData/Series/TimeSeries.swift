/// One named column of values in time order, with its timestamps when the data has a time column.
///
/// Values are `Double`; NaN marks a missing value until a `MissingValuePolicy` is applied.
/// `dateFormat` remembers how the input wrote its dates, so forecasts can be written the same way.
public struct TimeSeries: Hashable, Sendable {
    public var name: String
    /// One timestamp per value, increasing; nil when the data has no time column.
    /// Setting it checks the count; to change the count of both, use `replace(values:timestamps:)`.
    public var timestamps: [Timestamp]? {
        get { storedTimestamps }
        set {
            Self.checkCounts(newValue, storedValues)
            storedTimestamps = newValue
        }
    }
    /// The values, NaN where missing. Setting them checks the count against the timestamps.
    public var values: [Double] {
        get { storedValues }
        set {
            Self.checkCounts(storedTimestamps, newValue)
            storedValues = newValue
        }
        // In-place edits (`series.values[i] = x`) must not copy the whole array.
        _modify {
            defer { Self.checkCounts(storedTimestamps, storedValues) }
            yield &storedValues
        }
    }
    public var frequency: Frequency
    /// The format the timestamps were read with, or nil when unknown (see `DateFormat.preferred`).
    public var dateFormat: DateFormat?
    /// The exchange whose sessions a `.tradingDays` series (or an intraday one with a `session`)
    /// follows, so that future steps skip its holidays; nil keeps plain Monday to Friday. Ignored
    /// at other frequencies.
    public var exchange: ExchangeCalendar?
    /// Seconds east of UTC of the clock the source wrote its dates on (the offset of its last date;
    /// 0 when it wrote none): future steps fall on that clock's weekdays and sessions, and are
    /// written with that offset, so a file written at local midnight is forecast on its own dates.
    public var utcOffset: Int
    /// A date as the source wrote it (its last row's), so that dates are written in its style: an
    /// ISO date and time without an offset is naive, and is written without the `Z` of UTC and with
    /// the source's separator (`DateFormat.string(from:like:)`). nil writes `dateFormat`'s own style.
    public var dateSample: String? = nil
    /// The hours an intraday series trades each day, so that the step after a day's last bar is the
    /// next session's first and a season is one session's bars; nil runs around the clock. Ignored
    /// at frequencies of a day or more.
    public var session: TradingSession? = nil
    /// The hours of the week an intraday series without a `session` trades, when it stops for the
    /// weekend (currencies, futures): the step after Friday's last bar is Sunday's first.
    public var weeklyHours: WeeklyHours? = nil

    /// A series; when `frequency` is nil it is inferred from the timestamps (`.irregular` without).
    /// - Precondition: `timestamps`, when given, has one element per value.
    public init(
        name: String,
        timestamps: [Timestamp]? = nil,
        values: [Double],
        frequency: Frequency? = nil,
        dateFormat: DateFormat? = nil,
        exchange: ExchangeCalendar? = nil,
        utcOffset: Int = 0
    ) {
        Self.checkCounts(timestamps, values)
        self.name = name
        self.storedTimestamps = timestamps
        self.storedValues = values
        self.frequency = frequency ?? timestamps.map(Frequency.infer(from:)) ?? .irregular
        self.dateFormat = dateFormat
        self.exchange = exchange
        self.utcOffset = utcOffset
    }

    public var count: Int { values.count }

    public var isEmpty: Bool { values.isEmpty }

    /// How many values are missing (NaN).
    public var missingCount: Int { values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) } }

    /// The series with `policy` applied to its values, timestamps kept aligned, and what was done.
    /// The frequency is kept: dropped rows are gaps in a series that keeps its calendar.
    public func applying(
        _ policy: MissingValuePolicy
    ) throws(MissingValueError) -> (series: TimeSeries, report: MissingValueReport) {
        let result = try policy.apply(to: values)
        var series = self
        series.replace(values: result.values, timestamps: timestamps.map { all in result.keptIndices.map { all[$0] } })
        return (series, result.report)
    }

    /// Replaces values and timestamps together, so their count may change.
    /// - Precondition: `timestamps`, when given, has one element per value.
    public mutating func replace(values: [Double], timestamps: [Timestamp]?) {
        Self.checkCounts(timestamps, values)
        storedValues = values
        storedTimestamps = timestamps
    }

    /// The timestamps of the `count` steps after the last value (`[]` without timestamps or for an
    /// irregular series): see `Frequency.timestamps(after:count:)`; trading days with an `exchange`
    /// are its next sessions, and intraday bars with a `session` its next bars
    /// (`TradingSession.timestamps(after:count:exchange:utcOffset:)`). Dates are on the source's
    /// clock (`utcOffset`), or on the exchange's when its changes of daylight saving move the bars
    /// (`exchangeClock`).
    public func futureTimestamps(count: Int) -> [Timestamp] {
        guard let last = timestamps?.last else { return [] }
        if frequency.isSubDaily, let session {
            if let clock = exchangeClock, let local = clock.localSession {
                // Bars on the exchange's own clock, each dated with the offset of its day.
                var bar = last.advanced(by: Double(clock.zone.utcOffset(at: last)))
                return (0..<count).map { _ in
                    bar = local.nextBar(after: bar, exchange: exchange)
                    return bar.advanced(by: Double(-clock.zone.utcOffset(atLocal: bar)))
                }
            }
            return session.timestamps(after: last, count: count, exchange: exchange, utcOffset: utcOffset)
        }
        if frequency.isSubDaily, let weeklyHours { return weeklyHours.timestamps(after: last, count: count, utcOffset: utcOffset) }
        if frequency == .tradingDays, let exchange { return exchange.sessions(after: last, count: count, utcOffset: utcOffset) }
        return frequency.timestamps(after: last, count: count, utcOffset: utcOffset)
    }

    /// How intraday bars in a session relate to their exchange's clock, when its changes of
    /// daylight saving move them: bars written with the exchange's own offsets (`-05:00`, then
    /// `-04:00`), or in UTC with the exchange's hours (14:30 to 21:00 in New York's winter). nil for
    /// bars written on a local clock without offsets (their wall clock needs no change), and for
    /// clocks the hours do not place.
    var exchangeClock: ExchangeClock? {
        guard frequency.isSubDaily, let session, let exchange, let last = timestamps?.last else { return nil }
        let zone = ExchangeTimeZone(exchange.code)
        let zoneOffset = zone.utcOffset(at: last)
        if utcOffset != 0, utcOffset == zoneOffset {
            return ExchangeClock(zone: zone, session: session, shift: 0, writesZoneOffsets: true)
        }
        // The close on the exchange's clock, for bars stamped at their start or at their end.
        let closes = [session.lastBar + max(session.usualStep, 1), session.lastBar].map { (($0 + zoneOffset) % 86_400 + 86_400) % 86_400 }
        if utcOffset == 0, zoneOffset != 0, closes.contains(zone.regularClose) {
            return ExchangeClock(zone: zone, session: session, shift: zoneOffset, writesZoneOffsets: false)
        }
        return nil
    }

    /// The length of one season in steps: a session's bars for intraday bars with a `session`, a
    /// day's bars for bars with `weeklyHours`, else the frequency's (`Frequency.seasonPeriod`).
    public var seasonPeriod: Int {
        TradingSession.seasonPeriod(of: frequency, in: session, weeklyHours: weeklyHours)
    }

    /// A timestamp written like the input (`dateFormat`, `dateSample`), or in the frequency's
    /// preferred format, on the source's clock (`utcOffset`).
    public func format(_ timestamp: Timestamp) -> String {
        let format = dateFormat ?? DateFormat.preferred(for: frequency)
        // Only a source that writes offsets can write its exchange's (the others keep `utcOffset`).
        let zone = utcOffset == 0 ? nil : exchangeClock.flatMap { $0.writesZoneOffsets ? $0.zone : nil }
        let offset = zone?.utcOffset(at: timestamp) ?? utcOffset
        if let dateSample { return format.string(from: timestamp, utcOffset: offset, like: dateSample) }
        return format.string(from: timestamp, utcOffset: offset)
    }

    private var storedTimestamps: [Timestamp]?
    private var storedValues: [Double]

    private static func checkCounts(_ timestamps: [Timestamp]?, _ values: [Double]) {
        if let timestamps {
            precondition(timestamps.count == values.count,
                         "TimeSeries needs one timestamp per value: \(timestamps.count) timestamps, \(values.count) values")
        }
    }
}
