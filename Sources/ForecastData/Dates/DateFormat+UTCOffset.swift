extension DateFormat {
    /// `timestamp` as a source that writes its dates `utcOffset` seconds east of UTC writes them:
    /// the fields of that clock, and the offset where the format has one (`isoDateTime` writes
    /// `+01:00` where it wrote `Z`; a pattern's `%z`, `+0100`). A forecast of a file written at
    /// local midnight so stays on the dates the file is on. Epoch times name no clock and are
    /// written as `string(from:)` does, as is everything at offset 0.
    public func string(from timestamp: Timestamp, utcOffset: Int) -> String {
        guard utcOffset != 0 else { return string(from: timestamp) }
        let local = timestamp.advanced(by: Double(utcOffset))
        switch self {
        case .epochSeconds, .epochMilliseconds:
            return string(from: timestamp)
        case .isoDateTime:
            return DateFormat.isoDate.string(from: local) + "T" + Self.clockTime(local.civil) + Self.offsetText(utcOffset, colon: true)
        case .pattern(let pattern):
            return StrftimePattern.format(timestamp, pattern: pattern, utcOffset: utcOffset)
        default:
            return string(from: local)
        }
    }

    /// `+01:00` (with `colon`) or `+0100` for seconds east of UTC; whole minutes are written.
    static func offsetText(_ utcOffset: Int, colon: Bool) -> String {
        let minutes = abs(utcOffset) / 60
        return (utcOffset < 0 ? "-" : "+") + padded(minutes / 60, width: 2) + (colon ? ":" : "") + padded(minutes % 60, width: 2)
    }
}
