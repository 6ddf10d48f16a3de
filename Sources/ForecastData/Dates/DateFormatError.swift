import Foundation

/// A date format the user named cannot be used.
public enum DateFormatError: Error, LocalizedError, Hashable, Sendable {
    /// The text names no known layout and contains no `%` directive.
    case unknownFormat(String)
    /// The pattern uses a directive this module does not read (or ends with a lone `%`).
    case unsupportedDirective(pattern: String, directive: String)

    public var errorDescription: String? {
        switch self {
        case .unknownFormat(let text):
            return "Date format '\(text)' is not known; use a layout such as YYYY-MM-DD, M/D/YYYY, D.M.YYYY, "
                + "epoch, or a strftime pattern such as %d.%m.%Y."
        case .unsupportedDirective(let pattern, let directive):
            return "Date pattern '\(pattern)' uses '\(directive)', which is not supported; supported directives "
                + "are %Y %y %m %d %e %H %I %p %M %S %f %j %b %h %B %a %A %z %s %F %T %D %%."
        }
    }
}
