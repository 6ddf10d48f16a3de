import Foundation
import Testing
@testable import ForecastStorage

/// The one atomic writer behind model files and `tsf` outputs: contents land whole, a failure
/// names the file and the system's reason, and neither a failure nor a success leaves a temporary
/// file behind. (That it calls `fsync` cannot be observed without cutting the power.)
struct AtomicFileTests {
    /// A fresh folder, removed when the test ends.
    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-file-\(UUID().uuidString)")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false) }
        deinit {
            _ = chmod(url.path, 0o755)
            try? FileManager.default.removeItem(at: url)
        }
        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
        func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }
        func bytes(_ name: String) throws -> [UInt8] { try Array(Data(contentsOf: url.appendingPathComponent(name))) }
    }

    static func failure(writing bytes: [UInt8], to path: String) -> AtomicFileError? {
        do {
            try AtomicFile.write(bytes, to: path)
            return nil
        } catch {
            return error
        }
    }

    @Test func writesAFileThenReplacesItWhole() throws {
        let folder = try Folder()
        let target = folder.path("plot.svg")
        let first = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        try AtomicFile.write(first, to: target)
        #expect(try folder.bytes("plot.svg") == first)
        let second: [UInt8] = Array("shorter".utf8)
        try AtomicFile.write(second, to: target)
        #expect(try folder.bytes("plot.svg") == second)
        try AtomicFile.write([], to: target)
        #expect(try folder.bytes("plot.svg").isEmpty)
        #expect(try folder.names() == ["plot.svg"])
    }

    /// The file gets the mode of any new file under the current umask, not the 0600 of a
    /// private temporary file.
    @Test func aNewFileHasTheModeOfAnyNewFile() throws {
        let folder = try Folder()
        #expect(FileManager.default.createFile(atPath: folder.path("plain"), contents: Data()))
        try AtomicFile.write([1, 2, 3], to: folder.path("atomic"))
        let plain = try FileManager.default.attributesOfItem(atPath: folder.path("plain"))[.posixPermissions] as? Int
        let atomic = try FileManager.default.attributesOfItem(atPath: folder.path("atomic"))[.posixPermissions] as? Int
        #expect(plain != nil)
        #expect(atomic == plain)
    }

    /// A name near the file-name limit still leaves room for the temporary file's name.
    @Test func aLongNameCanBeWritten() throws {
        let folder = try Folder()
        let name = String(repeating: "é", count: 120) + ".svg"
        try AtomicFile.write([42], to: folder.path(name))
        #expect(try folder.bytes(name) == [42])
        #expect(try folder.names() == [name])
    }

    /// A folder that stands where the file should go is refused before anything is written: it
    /// keeps its contents, and no temporary file is left.
    @Test func aFolderInTheWayIsLeftAsItWas() throws {
        let folder = try Folder()
        let target = folder.path("taken")
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
        try Data([9, 9]).write(to: URL(fileURLWithPath: target).appendingPathComponent("inside"))
        let error = try #require(Self.failure(writing: [1, 2, 3], to: target))
        #expect(error.path == target)
        #expect(error.reason == "it is a folder, and only a regular file is replaced")
        #expect(error.localizedDescription == "cannot write \(target): it is a folder, and only a regular file is replaced.")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target) == ["inside"])
        #expect(try folder.names() == ["taken"])
    }

    /// A symbolic link stays a link, and the file it names gets the bytes; a dangling link is
    /// written through too, creating the file it names.
    @Test func aSymbolicLinkIsWrittenThrough() throws {
        let folder = try Folder()
        try Data([1]).write(to: folder.url.appendingPathComponent("model.safetensors"))
        try FileManager.default.createSymbolicLink(atPath: folder.path("latest"), withDestinationPath: "model.safetensors")
        try AtomicFile.write([7, 8], to: folder.path("latest"))
        #expect(try folder.bytes("model.safetensors") == [7, 8])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path("latest")) == "model.safetensors")
        try FileManager.default.createSymbolicLink(atPath: folder.path("next"), withDestinationPath: "new.svg")
        try AtomicFile.write([3], to: folder.path("next"))
        #expect(try folder.bytes("new.svg") == [3])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path("next")) == "new.svg")
        #expect(try folder.names() == ["latest", "model.safetensors", "new.svg", "next"])
        // A chain of dangling links is followed to its end; a loop is refused.
        try FileManager.default.createSymbolicLink(atPath: folder.path("first"), withDestinationPath: "second")
        try FileManager.default.createSymbolicLink(atPath: folder.path("second"), withDestinationPath: "end.svg")
        try AtomicFile.write([5], to: folder.path("first"))
        #expect(try folder.bytes("end.svg") == [5])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path("second")) == "end.svg")
        try FileManager.default.createSymbolicLink(atPath: folder.path("loop1"), withDestinationPath: "loop2")
        try FileManager.default.createSymbolicLink(atPath: folder.path("loop2"), withDestinationPath: "loop1")
        #expect(Self.failure(writing: [1], to: folder.path("loop1"))?.reason.contains("symbolic links") == true)
        // A dangling "../x" link reached through a linked folder: ".." is the real folder's parent,
        // as the system resolves it, not the text's (which would replace an unrelated file).
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder.path("real/sub"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: folder.path("sl"), withDestinationPath: "real/sub")
        try fm.createSymbolicLink(atPath: folder.path("real/sub/v1"), withDestinationPath: "../victim.svg")
        try Data([9]).write(to: folder.url.appendingPathComponent("victim.svg"))
        try AtomicFile.write([4], to: folder.path("sl/v1"))
        #expect(try folder.bytes("victim.svg") == [9])
        #expect(try folder.bytes("real/victim.svg") == [4])
    }

    /// A pipe or a device is not replaced by a regular file (as root a rename would put one in
    /// place of /dev/full): the write is refused and the pipe is still a pipe.
    @Test func aPipeIsRefusedAndLeftAPipe() throws {
        let folder = try Folder()
        let target = folder.path("fifo")
        #expect(mkfifo(target, 0o644) == 0)
        let error = try #require(Self.failure(writing: [1], to: target))
        #expect(error.reason.contains("not a regular file"))
        var info = stat()
        #expect(lstat(target, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(try folder.names() == ["fifo"])
        #expect(Self.failure(writing: [1], to: "/dev/null")?.reason.contains("not a regular file") == true)
    }

    /// An output that is an input of the run, by any name, is refused; other paths pass.
    @Test func anOutputThatIsAnInputIsRefused() throws {
        let folder = try Folder()
        try Data([1]).write(to: folder.url.appendingPathComponent("data.csv"))
        try FileManager.default.createSymbolicLink(atPath: folder.path("alias.csv"), withDestinationPath: "data.csv")
        for output in [folder.path("data.csv"), folder.path("alias.csv"), folder.path("./x/../data.csv")] {
            #expect(throws: AtomicFileError.self) { try AtomicFile.refuseToReplace(inputs: [folder.path("data.csv")], with: output) }
        }
        // An input named by a path that does not exist yet is compared by its absolute path.
        #expect(throws: AtomicFileError.self) { try AtomicFile.refuseToReplace(inputs: [folder.path("later.csv")], with: folder.path("later.csv")) }
        try AtomicFile.refuseToReplace(inputs: [folder.path("data.csv")], with: folder.path("model.safetensors"))
        #expect(try folder.bytes("data.csv") == [1])
    }

    /// Two outputs of one run on the same file, by any path that names it, are refused before
    /// anything is written; distinct outputs pass.
    @Test func twoOutputsOnOneFileAreRefused() throws {
        let folder = try Folder()
        try Data([7]).write(to: folder.url.appendingPathComponent("model.safetensors"))
        try FileManager.default.createSymbolicLink(atPath: folder.path("alias"), withDestinationPath: "model.safetensors")
        let pairs = [(folder.path("model.safetensors"), folder.path("alias")),
                     (folder.path("new.svg"), folder.path("./x/../new.svg"))]
        for (first, second) in pairs {
            let error = #expect(throws: AtomicFileError.self) { try AtomicFile.refuseSharedOutputs([first, second]) }
            #expect(error?.localizedDescription.contains("another output to \(first)") == true, "\(String(describing: error))")
        }
        // A dangling link names the file it would create.
        try FileManager.default.createSymbolicLink(atPath: folder.path("a.svg"), withDestinationPath: "b.svg")
        #expect(throws: AtomicFileError.self) { try AtomicFile.refuseSharedOutputs([folder.path("b.svg"), folder.path("a.svg")]) }
        try AtomicFile.refuseSharedOutputs([folder.path("model.safetensors"), folder.path("plot.svg")])
        #expect(try folder.bytes("model.safetensors") == [7])
    }

    @Test func aMissingFolderIsNamed() throws {
        let folder = try Folder()
        let target = folder.path("absent/model.safetensors")
        let error = try #require(Self.failure(writing: [1], to: target))
        #expect(error.localizedDescription == "cannot write \(target): the folder \(folder.path("absent")) does not exist.")
        #expect(try folder.names().isEmpty)
    }

    @Test func aFileWhereTheFolderShouldBeIsNamed() throws {
        let folder = try Folder()
        try Data([1]).write(to: folder.url.appendingPathComponent("data.csv"))
        let target = folder.path("data.csv/plot.svg")
        let error = try #require(Self.failure(writing: [1], to: target))
        #expect(error.localizedDescription == "cannot write \(target): \(folder.path("data.csv")) is not a folder.")
        #expect(try folder.bytes("data.csv") == [1])
    }

    /// Root writes into read-only folders, so this case only runs for other users.
    @Test(.enabled(if: getuid() != 0, "root writes into read-only folders, so none refuses it"))
    func aReadOnlyFolderKeepsTheOldFile() throws {
        let folder = try Folder()
        let target = folder.path("model.safetensors")
        try AtomicFile.write([1, 2, 3], to: target)
        #expect(chmod(folder.url.path, 0o555) == 0)
        let error = try #require(Self.failure(writing: [4, 5], to: target))
        #expect(error.localizedDescription == "cannot write \(target): the folder \(folder.url.path) cannot be written to (\(String(cString: strerror(EACCES)))).")
        #expect(try folder.bytes("model.safetensors") == [1, 2, 3])
        #expect(try folder.names() == ["model.safetensors"])
    }
}
