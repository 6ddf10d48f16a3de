// swift-tools-version:6.0
import PackageDescription

// An app's view of the library: it depends on the Forecasting package by path, the way an app does.
// `EmbeddedForecaster` imports the `Forecasting` product alone (values the app already holds; libcsv
// is never linked). `FileForecaster` imports `ForecastActions`, which adds what the `tsf` commands
// do: reading CSV files, backtests against the baselines, plots, many series and a global model.
let package = Package(
    name: "EmbeddedForecaster",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Forecasting", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "EmbeddedForecaster",
            dependencies: [.product(name: "Forecasting", package: "Forecasting")]
        ),
        .executableTarget(
            name: "FileForecaster",
            dependencies: [.product(name: "ForecastActions", package: "Forecasting")]
        ),
    ]
)
