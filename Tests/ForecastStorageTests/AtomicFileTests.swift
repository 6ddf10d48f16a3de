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

    /// The rename fails after the temporary file was written: the folder that stands where the
    /// file should go keeps its contents, and the temporary file is gone.
    @Test func aFolderInTheWayIsLeftAsItWas() throws {
        let folder = try Folder()
        let target = folder.path("taken")
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
        try Data([9, 9]).write(to: URL(fileURLWithPath: target).appendingPathComponent("inside"))
        let error = try #require(Self.failure(writing: [1, 2, 3], to: target))
        #expect(error.path == target)
        #expect(error.reason == String(cString: strerror(EISDIR)))
        #expect(error.localizedDescription == "cannot write \(target): \(String(cString: strerror(EISDIR))).")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target) == ["inside"])
        #expect(try folder.names() == ["taken"])
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
