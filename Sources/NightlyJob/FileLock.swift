import Foundation

/// An exclusive lock next to the store, so two nightly runs never interleave.
public final class FileLock {
    let fd: Int32
    let path: String

    public struct CannotCreate: Error, CustomStringConvertible {
        var path: String
        var reason: String
        public var description: String { "cannot create the lock file \(path): \(reason)" }
    }

    /// Waits up to `seconds` for the lock; nil when another process still holds it.
    public init?(path: String, waitSeconds: Double) throws {
        self.path = path
        fd = open(path, O_CREAT | O_RDWR, 0o644)
        guard fd >= 0 else { throw CannotCreate(path: path, reason: String(cString: strerror(errno))) }
        let deadline = Date().addingTimeInterval(waitSeconds)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if Date() >= deadline {
                close(fd)
                return nil
            }
            usleep(100_000)
        }
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
