// swift-tools-version:6.0
import PackageDescription

// The classic next-character model, built on the Forecasting package the way an app would use it:
// by path, through its `Forecasting` library product (which re-exports ForecastNN).
let package = Package(
    name: "CharacterRNN",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Forecasting", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "CharacterRNN",
            dependencies: [.product(name: "Forecasting", package: "Forecasting")],
            resources: [.copy("Resources/declaration.txt")]
        ),
    ]
)
