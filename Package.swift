// swift-tools-version:6.0
import PackageDescription

/// OpenBLAS supplies CBLAS on Linux; Apple platforms use Accelerate instead.
let blas: [Target.Dependency] = [.target(name: "COpenBLAS", condition: .when(platforms: [.linux]))]

let package = Package(
    name: "Forecasting",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Forecasting", targets: ["Forecasting"]),
        .library(name: "ForecastIO", targets: ["ForecastIO"]),
        .library(name: "ForecastCharts", targets: ["ForecastCharts"]),
        .library(name: "ForecastActions", targets: ["ForecastActions"]),
        .executable(name: "tsf", targets: ["tsf"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Only for `swift package generate-documentation` (scripts/docs.sh); nothing links it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        // C libraries, found through pkg-config or the system include path.
        .systemLibrary(
            name: "CLibCSV",
            providers: [.apt(["libcsv-dev"]), .brew(["libcsv"])]
        ),
        .systemLibrary(
            name: "COpenBLAS",
            providers: [.apt(["libopenblas-dev"]), .brew(["openblas"])]
        ),

        // The cells' gate math, compiled for AVX-512, AVX2 and the baseline and chosen at run time.
        .target(name: "CForecastKernels"),

        // Library modules, in the order data flows through them (see docs/architecture.md).
        .target(name: "ForecastStorage"),
        .target(name: "ForecastConcurrency"),
        .target(name: "ForecastData"),
        .target(name: "ForecastIO", dependencies: ["CLibCSV", "ForecastData"]),
        .target(name: "ForecastNN", dependencies: blas + ["CForecastKernels", "ForecastStorage"]),
        .target(name: "ForecastEvaluation", dependencies: ["ForecastConcurrency"]),
        .target(name: "Forecasting", dependencies: ["ForecastData", "ForecastNN", "ForecastEvaluation", "ForecastStorage", "ForecastConcurrency"]),
        .target(name: "ForecastCharts", dependencies: ["ForecastData", "ForecastEvaluation"]),
        // One action per command, from CSV files to results an app or the CLI prints.
        .target(name: "ForecastActions", dependencies: ["ForecastIO", "Forecasting", "ForecastCharts", "ForecastStorage", "ForecastConcurrency"]),
        // The command-line tool: parses arguments, runs one action, prints.
        .executableTarget(
            name: "tsf",
            dependencies: [
                "ForecastActions",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "_ForecastTestSupport", dependencies: ["ForecastData", "ForecastNN", "ForecastConcurrency"]),

        // One test target per module.
        .testTarget(name: "ForecastStorageTests", dependencies: ["ForecastStorage"]),
        .testTarget(name: "ForecastConcurrencyTests", dependencies: ["ForecastConcurrency"]),
        // Fixtures read by path from the source tree (see `IOFixtures`), not bundled.
        .testTarget(name: "ForecastDataTests", dependencies: ["ForecastData", "_ForecastTestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "ForecastIOTests",
            dependencies: ["ForecastIO", "_ForecastTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ForecastNNTests",
            dependencies: ["ForecastNN", "_ForecastTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ForecastEvaluationTests", dependencies: ["ForecastEvaluation", "_ForecastTestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "ForecastingTests",
            dependencies: ["Forecasting", "_ForecastTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ForecastChartsTests", dependencies: ["ForecastCharts", "_ForecastTestSupport"]),
        .testTarget(name: "ForecastActionsTests", dependencies: ["ForecastActions", "_ForecastTestSupport"]),
        .testTarget(name: "tsfTests", dependencies: ["tsf", "_ForecastTestSupport"]),
    ]
)
