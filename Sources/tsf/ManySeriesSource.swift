import ForecastIO
import Foundation

/// The series of a long-format input, handed over one at a time to the runner's workers: streamed
/// from the input as they are read when the file is grouped by id, or taken from the whole file
/// grouped in memory when its ids interleave.
final class ManySeriesSource: @unchecked Sendable {
    private enum Storage {
        case streamed(LongFormatStream)
        case whole(LongFormatFile)
    }

    private let storage: Storage
    private let lock = NSLock()
    private var position = 0

    init(stream: LongFormatStream) { storage = .streamed(stream) }
    init(whole: LongFormatFile) { storage = .whole(whole) }

    /// The file name messages use.
    var fileName: String {
        switch storage {
        case .streamed(let stream): stream.fileName
        case .whole(let file): file.fileName
        }
    }

    /// The next series, in output order; nil at the end.
    func next() throws(CSVReadError) -> LongFormatSeries? {
        switch storage {
        case .streamed(let stream):
            return try stream.next()
        case .whole(let file):
            return lock.withLock {
                guard position < file.ids.count else { return nil }
                defer { position += 1 }
                return file.entry(at: position)
            }
        }
    }

    /// Warnings about the whole input that are known only once it was read to the end (records
    /// skipped in a stream); a whole file's were reported when it was read.
    var closingWarnings: [CSVWarning] {
        if case .streamed(let stream) = storage { return stream.warnings }
        return []
    }
}
