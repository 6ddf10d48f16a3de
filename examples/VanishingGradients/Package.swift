// swift-tools-version:6.0
import PackageDescription

// Why the LSTM exists: how much gradient reaches the first step of a long sequence, and whether a
// network can learn a signal that many steps back. Built on the Forecasting package by path.
let package = Package(
    name: "VanishingGradients",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Forecasting", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "VanishingGradients",
            dependencies: [.product(name: "Forecasting", package: "Forecasting")]
        ),
    ]
)
