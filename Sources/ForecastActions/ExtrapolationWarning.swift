import ForecastIO
import Forecasting
import Foundation

/// Warnings for known-in-advance values a forecast reads far outside what the model was trained
/// on (`Forecaster.extrapolatedKnownValues`): the network extrapolates there, and its forecast
/// can be nonsense without an error, so the value is named.
enum ExtrapolationWarning {
    static func warnings(forecaster: Forecaster, columns: FeatureColumns, historyCount: Int, steps: Int, file: String) -> [CSVWarning] {
        forecaster.extrapolatedKnownValues(columns: columns, historyCount: historyCount, steps: steps).map { found in
            CSVWarning("\(file): column \"\(found.column)\" holds \(String(format: "%.4g", found.value)) at forecast step \(found.step), \(String(format: "%.3g", found.scaledDistance)) times the spread of its training values from their centre: the network extrapolates there, and its forecast may mean nothing.")
        }
    }
}
