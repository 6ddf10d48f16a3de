// swift-tools-version:6.0
import PackageDescription

/// libFuzzer targets for the two places where `tsf` reads files from strangers: CSV ingestion and
/// model files. Built by `scripts/fuzz.sh` with `-sanitize=fuzzer,address -parse-as-library`
/// applied to every module (so the library code is instrumented too), never by the main package.
let package = Package(
    name: "ForecastingFuzz",
    dependencies: [
        .package(name: "Forecasting", path: ".."),
    ],
    targets: [
        .target(name: "FuzzerEntry"),
        .executableTarget(name: "FuzzCSV", dependencies: ["FuzzerEntry", .product(name: "ForecastIO", package: "Forecasting")]),
        .executableTarget(name: "FuzzModelFile", dependencies: ["FuzzerEntry", .product(name: "Forecasting", package: "Forecasting")]),
    ]
)
