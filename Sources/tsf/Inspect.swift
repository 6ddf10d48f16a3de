import ArgumentParser

/// `tsf inspect FILE`: what a user needs to know about a CSV file before forecasting it.
struct Inspect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Describe a CSV file: columns, rows, time column, frequency, missing values."
    )

    @Argument(help: "The CSV file to read, or - for standard input.")
    var file: String

    func run() async throws {
        throw ValidationError("inspect is not implemented yet")
    }
}
