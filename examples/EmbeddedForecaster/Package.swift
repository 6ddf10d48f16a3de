// swift-tools-version:6.0
import PackageDescription

// An app's view of the library: it depends on the Forecasting package by path and imports the
// `Forecasting` product alone (no CSV reading, so libcsv is never linked).
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
    ]
)
