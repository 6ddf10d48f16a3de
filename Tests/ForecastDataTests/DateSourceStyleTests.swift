import Testing
import ForecastData

/// Timestamps written in the style of the file they came from: a naive ISO time gets no `Z`.
@Suite struct DateSourceStyleTests {
    private let morning = Timestamp(year: 2021, month: 3, day: 4, hour: 9, minute: 5, second: 7)

    @Test func naiveTimesKeepTheirSeparatorAndGainNoZone() {
        #expect(DateFormat.isoDateTime.string(from: morning, like: "2021-01-01T00:00:00") == "2021-03-04T09:05:07")
        #expect(DateFormat.isoDateTime.string(from: morning, like: "2021-01-01 00:00") == "2021-03-04 09:05:07")
    }

    @Test func timesThatCarriedAZoneAreWrittenInUTC() {
        #expect(DateFormat.isoDateTime.string(from: morning, like: "2021-01-01T00:00:00Z") == "2021-03-04T09:05:07Z")
        #expect(DateFormat.isoDateTime.string(from: morning, like: "2021-01-01 00:00:00 +01:00") == "2021-03-04T09:05:07Z")
    }

    @Test func otherFormatsAndUnreadableSamplesAreWrittenAsUsual() {
        #expect(DateFormat.dayMonthYear(.dot).string(from: morning, like: "01.01.2021") == "04.03.2021 09:05:07")
        #expect(DateFormat.isoDateTime.string(from: morning, like: "2021-01-01") == "2021-03-04T09:05:07Z")
    }
}
