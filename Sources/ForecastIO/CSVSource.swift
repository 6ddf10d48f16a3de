#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where CSV text comes from: a file path, standard input (`-` on the command line), or bytes in
/// memory (tests, apps that downloaded a file).
public enum CSVSource: Sendable, Equatable {
    case file(String)
    case standardInput
    case bytes([UInt8], name: String)

    /// `-` means standard input, as in most command-line tools.
    public init(argument: String) {
        self = argument == "-" ? .standardInput : .file(argument)
    }

    /// The name messages use.
    public var displayName: String {
        switch self {
        case .file(let path): path
        case .standardInput: "<stdin>"
        case .bytes(_, let name): name
        }
    }

    /// A source that can be read more than once: standard input read whole into memory (under its
    /// name), any other source as it is. For a reader that must pass over the data twice.
    public func rereadable() throws(CSVReadError) -> CSVSource {
        guard case .standardInput = self else { return self }
        let reader = try CSVChunkReader(self)
        var bytes: [UInt8] = []
        while let chunk = try reader.next() { bytes.append(contentsOf: chunk) }
        return .bytes(bytes, name: displayName)
    }
}

/// Reads a source in fixed-size chunks, so memory does not grow with the file size.
/// POSIX calls are used so that a missing file, a directory and a permission problem are told apart.
final class CSVChunkReader {
    static let chunkSize = 1 << 20

    private let source: CSVSource
    private var descriptor: Int32 = -1
    private var ownsDescriptor = false
    private var memoryOffset = 0
    private var buffer: UnsafeMutableRawBufferPointer

    init(_ source: CSVSource) throws(CSVReadError) {
        self.source = source
        // Every stored property is set before anything can throw, so `deinit` frees the buffer.
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.chunkSize, alignment: 16)
        switch source {
        case .file(let path):
            var status = stat()
            guard stat(path, &status) == 0 else {
                let code = errno
                if code == ENOENT || code == ENOTDIR { throw .fileNotFound(file: path) }
                throw .unreadable(file: path, reason: Self.describe(code))
            }
            if (status.st_mode & S_IFMT) == S_IFDIR {
                throw .isDirectory(file: path)
            }
            descriptor = open(path, O_RDONLY)
            guard descriptor >= 0 else {
                let code = errno
                throw .unreadable(file: path, reason: Self.describe(code))
            }
            ownsDescriptor = true
        case .standardInput:
            descriptor = 0
        case .bytes:
            break
        }
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
        buffer.deallocate()
    }

    /// The next chunk (valid until the next call), or nil at the end of the input.
    func next() throws(CSVReadError) -> UnsafeRawBufferPointer? {
        if case .bytes(let bytes, _) = source {
            guard memoryOffset < bytes.count else { return nil }
            let count = min(Self.chunkSize, bytes.count - memoryOffset)
            bytes.withUnsafeBytes { all in
                UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count])
                    .copyMemory(from: UnsafeRawBufferPointer(rebasing: all[memoryOffset..<memoryOffset + count]))
            }
            memoryOffset += count
            return UnsafeRawBufferPointer(rebasing: buffer[0..<count])
        }
        while true {
            let count = read(descriptor, buffer.baseAddress, Self.chunkSize)
            if count > 0 { return UnsafeRawBufferPointer(rebasing: buffer[0..<count]) }
            if count == 0 { return nil }
            if errno == EINTR { continue }
            let code = errno
            if code == EISDIR { throw .isDirectory(file: source.displayName) }
            throw .unreadable(file: source.displayName, reason: Self.describe(code))
        }
    }

    private static func describe(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "permission denied"
        default: String(cString: strerror(code)).lowercased()
        }
    }
}
