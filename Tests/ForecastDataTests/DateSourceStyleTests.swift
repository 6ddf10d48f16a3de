import Testing
import ForecastData

/// Timestamps written in the style of the file they came from: a naive ISO time gets no `Z`.
@Suite struct DateSourceStyleTests {
    private let morning = Timestamp(year: 2021, month: 3, day: 4, hour: 9, minute: 5, second: 7)

    @Test func naiveTimesKeepTheirSeparatorAndGainNoZone() {
        #expect(DateFormat.isoDateTime.string(from: morning, like: "2021-01-01T00:00:00") == "2021-03-04T09:05:07")
        #expect(DateFormat.isoDateTime.string(from: morning, like: "2021-01-01 00:00") == "2021-03-04 09:05:07")
    }

    /// An offset is written on the source's clock and spelled as the source spells it: `Z`,
    /// `+00:00`, `+0100`, `+01`, after a space where the source puts one.
    @Test func timesThatCarriedAZoneKeepItsSpelling() {
        #expect(DateFormat.isoDateTime.string(from: morning, like: "2021-01-01T00:00:00Z") == "2021-03-04T09:05:07Z")
        #expect(DateFormat.isoDateTime.string(from: morning, like: "2021-01-01T00:00:00+00:00") == "2021-03-04T09:05:07+00:00")
        #expect(DateFormat.isoDateTime.string(from: morning, like: "2021-01-01 00:00:00 +01:00") == "2021-03-04 09:05:07 +00:00")
        #expect(DateFormat.isoDateTime.string(from: morning, utcOffset: 3600, like: "2021-01-01T00:00:00+0100") == "2021-03-04T10:05:07+0100")
        #expect(DateFormat.isoDateTime.string(from: morning, utcOffset: 3600, like: "2021-01-01T00:00:00+01") == "2021-03-04T10:05:07+01")
        #expect(DateFormat.isoDateTime.string(from: morning, utcOffset: 19800, like: "2021-01-01T00:00:00+01") == "2021-03-04T14:35:07+05:30")
        #expect(DateFormat.isoDateTime.string(from: morning, utcOffset: 3600, like: "2021-01-01T00:00:00Z") == "2021-03-04T10:05:07+01:00")
    }

    /// Dukascopy's local times (`01.03.2024 09:00:00.000 GMT+0100`) and a trailing `UTC` are read
    /// as offsets, and a date of days first with an offset after its time has the offset written
    /// back as the source spells it.
    @Test func offsetsAfterDayFirstTimesAreReadAndWritten() throws {
        let format = DateFormat.dayMonthYear(.dot)
        let nine = Timestamp(year: 2024, month: 3, day: 1, hour: 8)
        #expect(format.parse("01.03.2024 09:00:00.000 GMT+0100") == nine)
        #expect(format.parse("01.03.2024 08:00:00 UTC") == nine)
        #expect(DateFormat.isoDateTime.parse("2024-03-01 08:00:00 GMT") == nine)
        #expect(format.parse("01.03.2024 09:00:00 CET") == nil)
        #expect(format.parse("01.03.2024 09:00:00 GMT+1") == nine)
        #expect(format.parse("01.03.2024 09:00:00 +1") == nil)        // one digit only after a zone's name
        #expect(format.string(from: nine, utcOffset: 3600, like: "01.03.2024 00:00:00.000 GMT+0100") == "01.03.2024 09:00:00.000 GMT+0100")
        #expect(format.string(from: nine, utcOffset: 0, like: "01.03.2024 00:00:00 UTC") == "01.03.2024 08:00:00 UTC")
        #expect(DateFormat.dayMonthYear(.slash).string(from: nine, utcOffset: 19800, like: "01/03/2024 00:00:00 +05:30") == "01/03/2024 13:30:00 +05:30")
        #expect(DateFormat.isoDateTime.string(from: nine, like: "2024-03-01T00:00:00-00:00") == "2024-03-01T08:00:00-00:00")
        // A 12-hour time's AM or PM is no offset.
        #expect(DateFormat.monthDayYear(.slash).string(from: nine, like: "1/2/2024 9:30 AM") == "3/1/2024 8:00 AM")
    }

    /// Days and months of one digit stay so where the file writes them so (a spreadsheet's
    /// `3/1/2024`); a sample with both of two digits says nothing, and they stay padded.
    @Test func unpaddedDaysAndMonthsStayUnpadded() {
        let day = Timestamp(year: 2024, month: 3, day: 5, hour: 1)
        #expect(DateFormat.monthDayYear(.slash).string(from: day, like: "3/1/2024 00:00") == "3/5/2024 01:00")
        #expect(DateFormat.monthDayYear(.slash).string(from: day, like: "3/12/2024") == "3/5/2024 01:00:00")
        #expect(DateFormat.dayMonthYear(.dot).string(from: Timestamp(year: 2024, month: 11, day: 25), like: "1.10.2024") == "25.11.2024")
        #expect(DateFormat.monthDayYear(.slash).string(from: day, like: "12/15/2024 00:00") == "03/05/2024 01:00")
    }

    /// A source that writes milliseconds (`09:00:00.000`, as Dukascopy's exports do) has them
    /// written, as zeros where the time has none.
    @Test func fractionsOfASecondKeepTheirDigits() {
        let hour = Timestamp(year: 2024, month: 1, day: 14, hour: 12)
        #expect(DateFormat.dayMonthYear(.dot).string(from: hour, like: "02.01.2024 00:00:00.000") == "14.01.2024 12:00:00.000")
        #expect(DateFormat.dayMonthYear(.dot).string(from: Timestamp(year: 2024, month: 1, day: 14), like: "02.01.2024 01:00:00.000")
                == "14.01.2024 00:00:00.000")
        #expect(DateFormat.isoDateTime.string(from: hour, like: "2024-01-02 00:00:00.000+00:00") == "2024-01-14 12:00:00.000+00:00")
        #expect(DateFormat.isoDateTime.string(from: hour, like: "2024-01-02T00:00:00.0") == "2024-01-14T12:00:00.0")
        #expect(DateFormat.dayMonthYear(.dot).string(from: hour, like: "02.01.2024 00:00:00,000") == "14.01.2024 12:00:00,000")
        // Spaces after a time are no offset.
        #expect(DateFormat.isoDateTime.string(from: hour, like: "2024-01-02 00:00:00 ") == "2024-01-14 12:00:00")
        // A time with a fraction of its own keeps it.
        let fraction = Timestamp(secondsSinceEpoch: hour.secondsSinceEpoch + 0.25)
        #expect(DateFormat.isoDateTime.string(from: fraction, like: "2024-01-02T00:00:00.000") == "2024-01-14T12:00:00.25")
    }

    @Test func otherFormatsAndUnreadableSamplesAreWrittenAsUsual() {
        #expect(DateFormat.dayMonthYear(.dot).string(from: morning, like: "01.01.2021") == "04.03.2021 09:05:07")
        #expect(DateFormat.isoDateTime.string(from: morning, like: "2021-01-01") == "2021-03-04T09:05:07Z")
    }

    @Test func timesWrittenToTheMinuteStayToTheMinute() {
        let open = Timestamp(year: 2024, month: 2, day: 1, hour: 9, minute: 30)
        #expect(DateFormat.isoDateTime.string(from: open, like: "2024-01-31 15:55") == "2024-02-01 09:30")
        #expect(DateFormat.isoDateTime.string(from: open, like: "2024-01-31T15:55:00") == "2024-02-01T09:30:00")
        #expect(DateFormat.dayMonthYear(.slash).string(from: open, like: "31/01/2024 9:55") == "01/02/2024 09:30")
        #expect(DateFormat.dayMonthYear(.slash).string(from: open, like: "31/01/2024") == "01/02/2024 09:30:00")
        // On the source's clock, with its offset, still to the minute.
        #expect(DateFormat.isoDateTime.string(from: open, utcOffset: -5 * 3600, like: "2024-01-31T15:55-05:00")
                == "2024-02-01T04:30-05:00")
        // A time with seconds keeps them, whatever the sample.
        #expect(DateFormat.isoDateTime.string(from: morning, like: "2024-01-31 15:55") == "2021-03-04 09:05:07")
        // Midnight keeps its time where the source writes times, though days alone leave it out.
        let midnight = Timestamp(year: 2024, month: 3, day: 4)
        #expect(DateFormat.dayMonthYear(.slash).string(from: midnight, like: "03/03/2024 23:00") == "04/03/2024 00:00")
        #expect(DateFormat.dayMonthYear(.dot).string(from: midnight, like: "03.03.2024 23:00:00") == "04.03.2024 00:00:00")
        #expect(DateFormat.dayMonthYear(.slash).string(from: midnight, like: "03/03/2024") == "04/03/2024")
        #expect(DateFormat.monthNameDayYear.string(from: midnight, utcOffset: 3600, like: "Mar 3, 2024 22:00") == "Mar 4, 2024 01:00")
        let fraction = Timestamp(secondsSinceEpoch: open.secondsSinceEpoch + 0.25)
        #expect(DateFormat.isoDateTime.string(from: fraction, like: "2024-01-31 15:55") == "2024-02-01 09:30:00.25")
    }

    /// A source on a 12-hour clock has its forecasts written on one, its hours padded as it pads them.
    @Test func twelveHourTimesStayOnTwelveHours() {
        let evening = Timestamp(year: 2024, month: 1, day: 3, hour: 21, minute: 30)
        let noon = Timestamp(year: 2024, month: 1, day: 3, hour: 12)
        let midnight = Timestamp(year: 2024, month: 1, day: 4)
        let format = DateFormat.monthDayYear(.slash)
        #expect(format.string(from: evening, like: "1/2/2024 9:30 AM") == "1/3/2024 9:30 PM")
        #expect(format.string(from: noon, like: "1/2/2024 9:30 am") == "1/3/2024 12:00 PM")
        #expect(format.string(from: midnight, like: "1/2/2024 11:00 PM") == "1/4/2024 12:00 AM")
        #expect(format.string(from: Timestamp(year: 2024, month: 1, day: 3, hour: 9, minute: 5), like: "01/02/2024 09:30 AM")
                == "01/03/2024 09:05 AM")
        #expect(format.string(from: evening, like: "1/2/2024 9:30:15 PM") == "1/3/2024 9:30:00 PM")
        // A 24-hour source stays on 24 hours.
        #expect(format.string(from: evening, like: "1/2/2024 09:30") == "1/3/2024 21:30")
    }
}
