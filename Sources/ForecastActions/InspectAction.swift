import ForecastIO

/// `tsf inspect FILE`: what a user needs to know about a CSV file before forecasting it, read with
/// the same rules as every other action, so every problem they would meet is reported here first.
public struct InspectAction: Sendable {
    /// How the report is written.
    public enum Format: String, CaseIterable, Sendable {
        /// A few labelled lines, a table of columns, then warnings.
        case text
        /// Stable keys for scripts.
        case json
    }

    public var source: CSVSource
    public var readOptions: CSVReadOptions

    public init(source: CSVSource, readOptions: CSVReadOptions = CSVReadOptions()) {
        self.source = source
        self.readOptions = readOptions
    }

    /// Reads the whole file and describes it.
    public func run() throws -> TableInspection {
        try TableInspection.inspect(source, options: readOptions)
    }

    /// The report of `inspection` as text, its warnings' remedies worded by `wording` (the
    /// library's words by default).
    public static func rendered(_ inspection: TableInspection, format: Format,
                                wording: (CSVReadError.Remedy) -> String = \.description) -> String {
        switch format {
        case .text: return InspectionText.render(inspection, wording: wording)
        case .json: return InspectionJSON.render(inspection, wording: wording)
        }
    }
}
