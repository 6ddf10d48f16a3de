extension Timestamp {
    /// The civil fields a clock `utcOffset` seconds east of UTC shows at this instant: how the
    /// source wrote it, when it wrote an offset (`T00:00:00+01:00` is on the date it names, not on
    /// the UTC date before it).
    public func civil(utcOffset: Int) -> CivilDateTime {
        advanced(by: Double(utcOffset)).civil
    }

    /// Whole days since 1970-01-01 of the date a clock `utcOffset` seconds east of UTC shows.
    public func dayNumber(utcOffset: Int) -> Int {
        advanced(by: Double(utcOffset)).dayNumber
    }
}
