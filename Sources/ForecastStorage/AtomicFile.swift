import Foundation
#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#endif

/// Writes a whole file so that readers see either the old contents or the new ones, never a mix,
/// even after a crash or a power cut. Model files and every output of `tsf` go through it.
///
/// The steps, each against one way of losing data:
/// 1. the bytes go to a new hidden file in the target's folder (the same file system, so the rename
///    is atomic), created with `O_EXCL` so that it never reuses an existing file, with mode 0666
///    less the umask like any new file;
/// 2. every byte is written, resuming after short writes and `EINTR`;
/// 3. `fsync` on the file, so its data is on disk before its name is: without it, a power cut just
///    after the rename can leave an empty or partial file under the final name;
/// 4. `rename` over the target, which replaces it in one step;
/// 5. `fsync` on the folder, so the rename itself is on disk.
///
/// On a failure before the rename the temporary file is removed and the target is untouched. The
/// `fsync` calls cannot be observed by a test (only a power cut would show their absence); they
/// are here by reading. On Apple platforms `F_FULLFSYNC` is used for the file, since plain `fsync`
/// there does not flush the drive's cache.
public enum AtomicFile {
    /// Replaces the file at `path` with `bytes`, or throws and leaves it as it was. A symbolic link
    /// keeps pointing where it did and the file it names gets the bytes; a path that is a device,
    /// a pipe or a folder is refused, since a rename would put a file in its place.
    public static func write(_ bytes: [UInt8], to requestedPath: String) throws(AtomicFileError) {
        let path = try destination(of: requestedPath)
        let target = URL(fileURLWithPath: path)
        let folder = target.deletingLastPathComponent()
        let (descriptor, temporary) = try createTemporaryFile(in: folder, named: target.lastPathComponent, for: path)
        var isOpen = true
        do throws(AtomicFileError) {
            try writeAll(bytes, to: descriptor, for: path)
            guard synchronize(fileDescriptor: descriptor) == 0 else { throw systemError(for: path) }
            isOpen = false
            // After a failed close the descriptor is released all the same, so it is not retried.
            guard close(descriptor) == 0 else { throw systemError(for: path) }
            guard rename(temporary, path) == 0 else { throw systemError(for: path) }
        } catch {
            if isOpen { _ = close(descriptor) }
            _ = unlink(temporary)
            throw error
        }
        try synchronize(folder: folder.path, for: path)
    }

    /// Throws unless a file could be written at `path` now: its folder exists, is a folder, and may
    /// be written in. A run with several outputs checks every one before it writes any, so that a
    /// mistyped second path does not leave the first written and the run failed.
    public static func checkWritable(_ path: String) throws(AtomicFileError) {
        let folder = URL(fileURLWithPath: try destination(of: path)).deletingLastPathComponent().path
        var info = stat()
        guard stat(folder, &info) == 0 else {
            throw AtomicFileError(path: path, reason: "the folder \(folder) does not exist")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw AtomicFileError(path: path, reason: "\(folder) is not a folder")
        }
        guard access(folder, W_OK | X_OK) == 0 else {
            throw AtomicFileError(path: path, reason: "the folder \(folder) cannot be written in (\(String(cString: strerror(errno))))")
        }
    }

    /// The file a write to `path` replaces: `path` itself, or the file a symbolic link there names
    /// (one that does not exist yet is created where the link points).
    public static func destination(of path: String) throws(AtomicFileError) -> String {
        var info = stat()
        guard lstat(path, &info) == 0 else { return path }
        var resolved = path
        if info.st_mode & S_IFMT == S_IFLNK {
            if let real = realpath(path, nil) {
                resolved = String(cString: real)
                free(real)
            } else {
                // A dangling link, or a chain of them: followed link by link to the name at its end
                // (at most 40 links, the system's own limit, so a loop ends).
                var links = 0
                while lstat(resolved, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
                    links += 1
                    guard links <= 40 else {
                        throw AtomicFileError(path: path, reason: "it is a chain of more than 40 symbolic links (a loop?)")
                    }
                    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
                    let count = readlink(resolved, &buffer, buffer.count - 1)
                    guard count > 0 else { break }
                    let link = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
                    // Joined as text, not through URL, which would fold "folder/.." by name; the
                    // system folds it through the folder's own links, as it resolves the link.
                    let folder = resolved.lastIndex(of: "/").map { String(resolved[...$0]) } ?? "./"
                    resolved = link.hasPrefix("/") ? link : folder + link
                }
            }
        }
        guard stat(resolved, &info) == 0 else { return resolved }
        guard info.st_mode & S_IFMT == S_IFREG else {
            let kind = info.st_mode & S_IFMT == S_IFDIR ? "a folder" : "not a regular file (a device, a pipe or a socket)"
            throw AtomicFileError(path: path, reason: "it is \(kind), and only a regular file is replaced")
        }
        return resolved
    }

    /// Refuses to write `output` where it would replace one of `inputs` (the same file, whatever the
    /// path names it by): a run would otherwise destroy the data it reads. Paths that do not exist
    /// yet are compared as absolute paths.
    public static func refuseToReplace(inputs: [String], with output: String) throws(AtomicFileError) {
        for input in inputs where sameFile(input, output) {
            throw AtomicFileError(path: output, reason: "it is the input file \(input); writing there would destroy the data this run reads")
        }
    }

    /// Refuses two outputs of one run that name the same file (`--out f --plot f`): the second
    /// written would silently replace the first.
    public static func refuseSharedOutputs(_ outputs: [String]) throws(AtomicFileError) {
        for (index, output) in outputs.enumerated() {
            if let earlier = outputs[..<index].first(where: { sameFile($0, output) }) {
                throw AtomicFileError(path: output, reason: "the run also writes another output to \(earlier); one would replace the other")
            }
        }
    }

    /// Whether two paths name one file: the same device and inode when both exist, else the same
    /// standardised path once links are followed.
    static func sameFile(_ first: String, _ second: String) -> Bool {
        var firstInfo = stat()
        var secondInfo = stat()
        if stat(first, &firstInfo) == 0, stat(second, &secondInfo) == 0 {
            return firstInfo.st_dev == secondInfo.st_dev && firstInfo.st_ino == secondInfo.st_ino
        }
        // A path not there yet may be a link to one (a dangling link is written where it points).
        func written(_ path: String) -> String {
            URL(fileURLWithPath: (try? destination(of: path)) ?? path).standardizedFileURL.path
        }
        return written(first) == written(second)
    }

    /// Creates the hidden temporary file `.<name>.<random>.tmp` beside the target; a name already
    /// taken is skipped rather than overwritten.
    private static func createTemporaryFile(
        in folder: URL, named name: String, for path: String
    ) throws(AtomicFileError) -> (descriptor: Int32, path: String) {
        for _ in 0..<8 {
            let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 16)
            let temporary = folder.appendingPathComponent(".\(shortened(name)).\(suffix).tmp").path
            let descriptor = retryingInterrupts { open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666) }
            if descriptor >= 0 { return (descriptor, temporary) }
            let code = errno
            if code == EEXIST { continue }
            let reason: String
            switch code {
            case ENOENT: reason = "the folder \(folder.path) does not exist"
            case ENOTDIR: reason = "\(folder.path) is not a folder"
            default: reason = "the folder \(folder.path) cannot be written to (\(describe(code)))"
            }
            throw AtomicFileError(path: path, reason: reason)
        }
        throw AtomicFileError(path: path, reason: "no unused temporary name could be found in the folder \(folder.path)")
    }

    /// The target's name cut to at most 200 UTF-8 bytes, so that the temporary name stays within
    /// the usual 255-byte limit of a file name even for a target whose own name is near it.
    private static func shortened(_ name: String) -> String {
        var result = ""
        var byteCount = 0
        for scalar in name.unicodeScalars {
            byteCount += String(scalar).utf8.count
            if byteCount > 200 { break }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// Writes every byte, resuming where a short or interrupted write stopped.
    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, for path: String) throws(AtomicFileError) {
        if let failure = DescriptorWriter.writeAll(bytes, to: descriptor) { throw AtomicFileError(path: path, reason: describe(failure)) }
    }

    /// Flushes the file's data and size to the disk itself.
    private static func synchronize(fileDescriptor descriptor: Int32) -> Int32 {
        #if canImport(Darwin)
        if retryingInterrupts({ fcntl(descriptor, F_FULLFSYNC) }) == 0 { return 0 }
        #endif
        return retryingInterrupts { fsync(descriptor) }
    }

    /// Flushes the folder, so the rename survives a power cut. A folder that cannot be opened for
    /// reading, or a file system that cannot sync folders (`EINVAL`), is left as it is: the file's
    /// own data is already on disk.
    private static func synchronize(folder: String, for path: String) throws(AtomicFileError) {
        let descriptor = retryingInterrupts { open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        guard descriptor >= 0 else { return }
        defer { _ = close(descriptor) }
        guard retryingInterrupts({ fsync(descriptor) }) != 0 else { return }
        let code = errno
        guard code != EINVAL else { return }
        throw AtomicFileError(path: path, reason: "the file was replaced but its folder could not be flushed to disk (\(describe(code)))")
    }

    /// The C library's `write(2)`, which the method `write(_:to:)` hides inside this type.

    private static func retryingInterrupts(_ call: () -> Int32) -> Int32 {
        while true {
            let result = call()
            if result >= 0 || errno != EINTR { return result }
        }
    }

    private static func systemError(for path: String) -> AtomicFileError {
        AtomicFileError(path: path, reason: describe(errno))
    }

    private static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
