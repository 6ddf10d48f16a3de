import Foundation

/// Writes one block of result lines to standard output at once and unbuffered, so a reader at the
/// other end of a pipe sees each series as soon as it is done.
enum StreamedOutput {
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
