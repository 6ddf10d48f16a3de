// swift-tools-version:6.0
import PackageDescription

/// libFuzzer targets for the places where `tsf` reads files from strangers: CSV ingestion, model
/// files, and the date, number, long-format and covariate readers under CSV ingestion. Built by `scripts/fuzz.sh` with `-sanitize=fuzzer,address -parse-as-library`
/// applied to every module (so the library code is instrumented too), never by the main package.
let package = Package(
    name: "ForecastingFuzz",
    dependencies: [
        .package(name: "Forecasting", path: ".."),
    ],
    targets: [
        .target(name: "FuzzerEntry"),
        .target(name: "FuzzCSVInput", dependencies: [.product(name: "ForecastIO", package: "Forecasting")]),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzerEntry", "FuzzCSVInput", .product(name: "ForecastIO", package: "Forecasting")]),
        .executableTarget(name: "FuzzModelFile", dependencies: ["FuzzerEntry", .product(name: "Forecasting", package: "Forecasting")]),
        .executableTarget(name: "FuzzDates", dependencies: ["FuzzerEntry", .product(name: "ForecastIO", package: "Forecasting")]),
        .executableTarget(name: "FuzzNumbers", dependencies: ["FuzzerEntry", .product(name: "ForecastIO", package: "Forecasting")]),
        .executableTarget(name: "FuzzLongFormat", dependencies: ["FuzzerEntry", "FuzzCSVInput", .product(name: "ForecastIO", package: "Forecasting")]),
        .executableTarget(name: "FuzzCovariates", dependencies: ["FuzzerEntry", "FuzzCSVInput", .product(name: "ForecastIO", package: "Forecasting")]),
    ]
)
