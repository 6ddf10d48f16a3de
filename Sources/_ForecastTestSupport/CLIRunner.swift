import Foundation

/// Runs the built `tsf` executable and captures what it printed and how it exited, so that CLI tests
/// check the real program: argument parsing, messages on stderr and exit codes.
public enum CLIRunner {
    /// The outcome of one run.
    public struct Outcome: Sendable {
        public var exitCode: Int32
        public var stdout: String
        public var stderr: String
    }

    public enum Failure: Error, CustomStringConvertible {
        case executableNotFound([String])
        public var description: String {
            switch self {
            case .executableNotFound(let searched):
                "the tsf executable was not found next to the tests (searched \(searched.joined(separator: ", "))); build it with `swift build --product tsf` or `swift build --build-tests`"
            }
        }
    }

    /// The `tsf` executable in the build products directory the tests run from.
    public static func executable() throws -> URL {
        var directories: [URL] = []
        if let main = Bundle.main.executableURL { directories.append(main.deletingLastPathComponent()) }
        for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
            directories.append(bundle.bundleURL.deletingLastPathComponent())
        }
        let arguments0 = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        directories.append(arguments0.deletingLastPathComponent())
        // On Linux the test runner is `<products>/<Package>PackageTests.xctest`, a plain executable.
        for directory in directories {
            var candidate = directory
            while candidate.path != "/" {
                let tsf = candidate.appendingPathComponent("tsf")
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: tsf.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                    return tsf
                }
                if candidate.lastPathComponent.hasPrefix(".build") { break }
                candidate = candidate.deletingLastPathComponent()
            }
        }
        throw Failure.executableNotFound(directories.map(\.path))
    }

    /// Runs `tsf` with `arguments`, feeding `stdin` when given, with `environment` added to this
    /// process's environment.
    public static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> Outcome {
        let process = Process()
        process.executableURL = try executable()
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, added in added }
        }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(stdin)
            try input.fileHandleForWriting.close()
        }
        // Read both pipes before waiting, so a large output cannot block the child.
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            exitCode: process.terminationStatus,
            stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self)
        )
    }
}
