import Foundation

/// Values quoted for a shell where advice names them in a command line: `--series 'Nord, Hamburg'`
/// can be pasted as it is printed.
enum ShellWord {
    /// `text` as is when every character is one a shell reads literally (letters, digits and
    /// `_ . , : / + @ % -` among ASCII); otherwise in single quotes, a quote inside written `'\''`.
    static func quoted(_ text: String) -> String {
        let plain = !text.isEmpty && text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "_.,:/+@%-".unicodeScalars.contains(scalar))
        }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// A series id as `--series` reads it, quoted for a shell: an id with a comma or a double quote
    /// in double quotes first (`--series` splits a list at its commas), `'"Nord, Hamburg"'`.
    static func series(_ id: String) -> String {
        quoted(id.contains(",") || id.contains("\"") ? "\"" + id.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : id)
    }
}
