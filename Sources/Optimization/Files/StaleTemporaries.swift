import Foundation

/// Temporary files that writers leave beside their target when killed (or, before this, on
/// a full disk): `.NAME.PID.tmp` and `.NAME.PID-TOKEN.tmp`.
public enum StaleTemporaries {
    /// Removes `.name.PID[-TOKEN].tmp` files in `folder` whose process no longer exists, so
    /// that every write of `name` also cleans what a killed earlier write of it left. Files of
    /// live processes (a concurrent writer) and anything not of this pattern are kept.
    public static func remove(name: String, in folder: URL) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        let prefix = ".\(name)."
        for entry in entries where entry.hasPrefix(prefix) && entry.hasSuffix(".tmp") {
            let middle = entry.dropFirst(prefix.count).dropLast(4)
            guard let pid = Int32(middle.split(separator: "-", maxSplits: 1).first ?? ""), pid > 0,
                  pid != getpid(), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(entry))
        }
    }
}
