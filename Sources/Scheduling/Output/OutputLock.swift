import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One writer per output folder: an advisory `flock` on `FOLDER/.insula.lock`.
///
/// `insula solve` and `insula batch run`/`merge` take it before they read or write anything
/// in their output folder, so a second process on the same folder is refused at once instead
/// of sharing a results store's WAL or interleaving renames. The lock lives as long as the
/// process holds the descriptor (the kernel drops it when the process dies, even by
/// `SIGKILL`), so a killed run never leaves a stale lock behind. The lock file holds the
/// holder's process id, for the refusal message only.
///
/// A run folder that is replaced as a whole (``RunWriter/replaceFolder(_:with:)``) takes the
/// lock file with it; after locking, the file is checked to still be the one at the path, and
/// the lock taken again on the new one when it is not.
public final class OutputLock: @unchecked Sendable {
    public static let fileName = ".insula.lock"

    /// Another process holds the folder.
    public struct Busy: Error, CustomStringConvertible, Sendable {
        public let folder: String
        /// The holder's process id, when it could be read.
        public let holder: Int32?
        public var description: String {
            "\(folder) is being written by another insula process\(holder.map { " (pid \($0))" } ?? ""); "
                + "wait for it to finish or use another folder (nothing was written)"
        }
    }

    public let folder: URL
    private var descriptor: Int32

    private init(folder: URL, descriptor: Int32) {
        self.folder = folder
        self.descriptor = descriptor
    }

    deinit { release() }

    /// Locks `folder` (created if missing) without waiting.
    /// - Throws: ``Busy`` when another process holds it; `POSIXError` when the lock file
    ///   cannot be created.
    public static func acquire(_ folder: URL) throws -> OutputLock {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent(fileName).path
        for _ in 0..<100 {
            let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                let holder = readHolder(descriptor)
                close(descriptor)
                throw Busy(folder: folder.relativePath, holder: holder)
            }
            // The folder may have been replaced between open and flock: the lock counts only
            // on the file that is at the path now.
            var held = stat(), current = stat()
            if fstat(descriptor, &held) == 0, stat(path, &current) == 0, held.st_ino == current.st_ino, held.st_dev == current.st_dev {
                let pid = "\(getpid())\n"
                _ = ftruncate(descriptor, 0)
                _ = pid.withCString { pwrite(descriptor, $0, strlen($0), 0) }
                return OutputLock(folder: folder, descriptor: descriptor)
            }
            close(descriptor)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        throw Busy(folder: folder.relativePath, holder: nil)
    }

    /// Releases the lock (also done when the lock is freed or the process exits).
    public func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    private static func readHolder(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = pread(descriptor, &buffer, buffer.count, 0)
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
