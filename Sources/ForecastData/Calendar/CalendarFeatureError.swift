import Foundation

/// Why a list of calendar features, or a model file's calendar columns, cannot be used. Each case
/// holds the facts (the name, the valid names), so a host can word it with its own flag.
public enum CalendarFeatureError: LocalizedError, Hashable, Sendable {
    /// A name that is no feature; `valid` lists the names that are.
    case unknownFeature(String, valid: [String])
    /// A feature named twice.
    case duplicateFeature(String)
    /// An empty list (an empty name between commas counts as one).
    case emptyName
    /// `none` with other names: it means no feature at all.
    case noneWithOthers
    /// `holiday` asked for without a holiday calendar to look dates up in.
    case holidaysMissing
    /// Calendar column names that are not the columns of any list of features (a model file from
    /// elsewhere, or edited); `expected` are the columns of the features they name.
    case unexpectedColumns(found: [String], expected: [String])

    public var errorDescription: String? {
        switch self {
        case .unknownFeature(let name, let valid):
            return "\"\(name)\" is not a calendar feature; choose among \(valid.joined(separator: ", "))."
        case .duplicateFeature(let name):
            return "The calendar feature \"\(name)\" is named twice."
        case .emptyName:
            return "A calendar feature list has an empty name; separate names with single commas."
        case .noneWithOthers:
            return "\"none\" means no calendar feature and cannot be combined with others."
        case .holidaysMissing:
            return "The holiday feature needs holidays: an exchange calendar or a file of dates."
        case .unexpectedColumns(let found, let expected):
            return "The calendar columns \(found.joined(separator: ", ")) are not the columns of any feature list; expected \(expected.joined(separator: ", "))."
        }
    }
}
