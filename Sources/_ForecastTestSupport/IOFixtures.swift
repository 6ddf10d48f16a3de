import Foundation

/// Paths of the CSV fixtures and bundled datasets, found from this file's location so that every
/// test target (and the CLI tests, which run the `tsf` binary on them) reads the same files.
public enum IOFixtures {
    /// The package root: this file is `Sources/_ForecastTestSupport/IOFixtures.swift`.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `Tests/ForecastIOTests/Fixtures/<name>`.
    public static func fixture(_ name: String) -> URL {
        packageRoot.appendingPathComponent("Tests/ForecastIOTests/Fixtures").appendingPathComponent(name)
    }

    /// `datasets/<name>`.
    public static func dataset(_ name: String) -> URL {
        packageRoot.appendingPathComponent("datasets").appendingPathComponent(name)
    }
}
