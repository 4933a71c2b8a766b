import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A run's output folder (`insula solve --out DIR`), written as one unit.
///
/// The run's files are written into a fresh hidden folder beside `DIR`
/// (`.DIR.insula-new-…`), then `DIR` is moved aside (`.DIR.insula-old-…`), the new folder
/// renamed to `DIR` and the old one removed. A reader therefore sees the complete old run,
/// the complete new run, or (for the instant between the two renames, or after a kill
/// there) no `DIR` at all, never files of two runs side by side; everything else that was in
/// `DIR` goes with the old run. Hidden folders left by killed runs are removed by the next
/// run into the same `DIR` (it holds the folder's ``OutputLock``, so no live run owns them).
public enum RunFolder {
    /// The folder cannot be used as a run folder (exit code 2 in the command).
    public struct Refusal: Error, CustomStringConvertible, Sendable {
        public let message: String
        public var description: String { message }
    }

    /// Checks that `path` can hold a run, locks it, and removes leftovers of killed runs.
    ///
    /// Refused: an empty path, a symbolic link (never followed or replaced), something that
    /// is not a folder, the current folder or one of its ancestors, and a non-empty folder
    /// that is not an insula run folder (no `manifest.json`: it might hold anything).
    public static func prepare(_ path: String) throws -> OutputLock {
        guard !path.isEmpty else { throw Refusal(message: "--out is empty; name a folder for the run") }
        let folder = URL(fileURLWithPath: path).standardizedFileURL
        var info = stat()
        if lstat(folder.path, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFLNK {
                throw Refusal(message: "\(path) is a symbolic link; name the folder itself (insula does not replace links)")
            }
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw Refusal(message: "\(path) exists and is not a folder")
            }
        }
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.resolvingSymlinksInPath()
        let resolved = folder.resolvingSymlinksInPath()
        if resolved.path == "/" || current.path == resolved.path || current.path.hasPrefix(resolved.path + "/") {
            throw Refusal(message: "\(path) is the current folder or one of its parents; a run replaces its folder, so name a folder of its own")
        }
        func checkContents() throws {
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
            let others = entries.filter { $0 != OutputLock.fileName }
            if !others.isEmpty, !others.contains("manifest.json") {
                throw Refusal(message: "\(path) is not empty and holds no insula run (no manifest.json); a run replaces its whole folder, so name a new or empty folder")
            }
        }
        // Before locking (no lock file is left in a folder that is refused), and again under the lock.
        try checkContents()
        let lock = try OutputLock.acquire(folder)
        do { try checkContents() } catch { lock.release(); throw error }
        removeLeftovers(of: folder)
        return lock
    }

    /// Undoes ``prepare(_:)`` for a run that wrote nothing: removes the folder when it holds
    /// only the lock file and did not exist before.
    public static func abandon(_ lock: OutputLock, existedBefore: Bool) {
        defer { lock.release() }
        guard !existedBefore,
              let entries = try? FileManager.default.contentsOfDirectory(atPath: lock.folder.path),
              entries == [OutputLock.fileName] else { return }
        try? FileManager.default.removeItem(at: lock.folder)
    }

    /// Writes `files` as the whole content of `folder` (see the type's description). The
    /// caller holds `folder`'s lock from ``prepare(_:)``.
    public static func write(_ files: [(name: String, contents: String)], to folder: URL) throws {
        let folder = folder.standardizedFileURL
        let parent = folder.deletingLastPathComponent()
        let token = "\(getpid())-\(UUID().uuidString.prefix(8))"
        let staging = parent.appendingPathComponent(".\(folder.lastPathComponent).insula-new-\(token)")
        let aside = parent.appendingPathComponent(".\(folder.lastPathComponent).insula-old-\(token)")
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files {
                let url = staging.appendingPathComponent(file.name)
                // A name with folders (`scenarios/hot/dispatch.csv`) gets them inside the staging folder.
                if file.name.contains("/") {
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                }
                try Data(file.contents.utf8).write(to: url)
            }
            DebugDelay.pause("run-folder-staged")
            if FileManager.default.fileExists(atPath: folder.path), rename(folder.path, aside.path) != 0 {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            DebugDelay.pause("run-folder-aside")
            if rename(staging.path, folder.path) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            try? FileManager.default.removeItem(at: staging)
            // Put the old run back if it was moved aside.
            if !FileManager.default.fileExists(atPath: folder.path), FileManager.default.fileExists(atPath: aside.path) {
                _ = rename(aside.path, folder.path)
            }
            throw error
        }
        try? FileManager.default.removeItem(at: aside)
    }

    /// Removes `.NAME.insula-new-*` and `.NAME.insula-old-*` beside `folder`.
    static func removeLeftovers(of folder: URL) {
        let parent = folder.deletingLastPathComponent()
        let prefixes = [".\(folder.lastPathComponent).insula-new-", ".\(folder.lastPathComponent).insula-old-"]
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names where prefixes.contains(where: name.hasPrefix) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }
}

/// Widens write windows for crash-consistency tests: with `INSULA_DEBUG_DELAY_MS=N` in the
/// environment, each named point sleeps a random time up to N milliseconds, so that a
/// `kill -9` at a random moment often lands between two renames. Unset, it does nothing.
public enum DebugDelay {
    private static let milliseconds: Int? = ProcessInfo.processInfo.environment["INSULA_DEBUG_DELAY_MS"].flatMap { Int($0) }

    public static func pause(_ point: String) {
        guard let milliseconds, milliseconds > 0 else { return }
        usleep(UInt32(Int.random(in: 0...milliseconds) * 1000))
    }
}
