// The umbrella an app imports: it re-exports the data model, the recurrent networks and the
// evaluation tools, and adds the `Forecaster`.
@_exported import ForecastData
@_exported import ForecastEvaluation
@_exported import ForecastNN
