import ForecastData
import ForecastIO
import Testing

/// Every bundled dataset reads with no option, with its row count and a few exact values.
@Suite struct DatasetTests {
    @Test func aaplDaily() throws {
        let data = try SeriesReader.read(datasetSource("aapl_daily.csv"), target: "Close", features: ["Adj Close"])
        #expect(data.target.count == 3270)
        #expect(data.target.values.first == 130.31)
        #expect(data.features[0].values.first == 4.186662803811)
        #expect(data.target.timestamps?.first == Timestamp(year: 2000, month: 3, day: 1))
        #expect(data.target.frequency == .tradingDays)
    }

    @Test func msftDaily() throws {
        let data = try SeriesReader.read(datasetSource("msft_daily.csv"), target: "Close", features: ["Volume"])
        #expect(data.target.count == 7983)
        #expect(data.target.values.first == 0.07533)
        #expect(data.features[0].values.first == 1_371_330_506)
        #expect(data.target.frequency == .tradingDays)
    }

    @Test func sp500Daily() throws {
        let data = try SeriesReader.read(datasetSource("sp500_daily.csv"), target: "Close")
        #expect(data.target.count == 5031)
        #expect(data.target.values.first == 1228.099976)
        #expect(data.target.timestamps?.last == Timestamp(year: 2018, month: 12, day: 31))
    }

    @Test func stocksMonthlyLongFormat() throws {
        let data = try SeriesReader.read(datasetSource("stocks_monthly.csv"), target: "price",
                                         options: CSVReadOptions(idColumn: "symbol", series: "MSFT"))
        #expect(data.target.values.first == 39.81)
        #expect(data.target.frequency == .monthly)
        let symbols = ["AAPL", "AMZN", "GOOG", "IBM", "MSFT"]
        var total = 0
        for symbol in symbols {
            total += try SeriesReader.read(datasetSource("stocks_monthly.csv"), target: "price",
                                           options: CSVReadOptions(idColumn: "symbol", series: symbol)).target.count
        }
        #expect(total == 560)
    }

    @Test func airPassengersMonthly() throws {
        let data = try SeriesReader.read(datasetSource("airpassengers_monthly.csv"), target: "Passengers")
        #expect(data.target.count == 144)
        #expect(data.target.values.prefix(2) == [112, 118])
        #expect(data.target.frequency == .monthly)
    }

    @Test func sunspots() throws {
        let yearly = try SeriesReader.read(datasetSource("sunspots_yearly.csv"), target: "SUNACTIVITY")
        #expect(yearly.target.count == 309)
        #expect(yearly.timeColumn == "YEAR")
        #expect(yearly.target.values.prefix(2) == [5, 11])
        #expect(yearly.target.frequency == .yearly)
        let monthly = try SeriesReader.read(datasetSource("sunspots_monthly.csv"), target: "sunspots")
        #expect(monthly.target.count == 2820)
        #expect(monthly.target.values.first == 58.0)
    }

    @Test func co2WeeklyHas59Missing() throws {
        let error = readError { try SeriesReader.read(datasetSource("co2_weekly.csv"), target: "co2", options: CSVReadOptions(missingPolicy: .error)) }
        #expect(error?.category == .badData)
        // By default interior gaps are interpolated, with a warning that counts them.
        let byDefault = try SeriesReader.read(datasetSource("co2_weekly.csv"), target: "co2")
        #expect(byDefault.missingValues.first?.report.missing == 59)
        #expect(byDefault.warnings.contains { $0.message.contains("59 missing values") })
        let data = try SeriesReader.read(datasetSource("co2_weekly.csv"), target: "co2", options: CSVReadOptions(missingPolicy: .linear))
        #expect(data.missingValues.first?.report.missing == 59)
        #expect(data.target.values.first == 316.1)
        #expect(data.target.frequency == .weekly)
        let inspection = try TableInspection.inspect(datasetSource("co2_weekly.csv"))
        #expect(inspection.rowCount == 2284)
        #expect(inspection.columns.first { $0.name == "co2" }?.missing == 59)
    }

    @Test func seattleWeatherAndMacrodata() throws {
        let weather = try TableInspection.inspect(datasetSource("seattle_weather_daily.csv"))
        #expect(weather.rowCount == 1461)
        #expect(weather.columns.first { $0.name == "weather" }?.kind == .text)
        #expect(weather.time?.frequency == .daily)
        let macro = try SeriesReader.read(datasetSource("macrodata_quarterly.csv"), target: "realgdp", features: ["cpi"])
        #expect(macro.target.count == 203)
        #expect(macro.timeColumn == "date")
        #expect(macro.target.values.first == 2710.349)
        #expect(macro.features[0].values.first == 28.980)
        #expect(macro.target.frequency == .quarterly)
    }
}
