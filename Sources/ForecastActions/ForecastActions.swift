// What an app or the command line imports to work from files: one action per command (forecast,
// backtest, train, predict, inspect, and their many-series forms), the CSV reader, the charts and
// the atomic writer, with the forecasting library they build on.
@_exported import ForecastCharts
@_exported import ForecastConcurrency
@_exported import ForecastIO
@_exported import ForecastStorage
@_exported import Forecasting
