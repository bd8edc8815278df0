import Foundation

/// Reads one file with plain system calls (open, fstat, read), refusing it before reading when it is larger than a
/// limit. `FileManager.attributesOfItem` looked up the owner's and group's names for every content file.
enum FileBytes {
    enum Outcome: Equatable {
        case bytes(Data)
        /// The size `fstat` reported, or the bytes read so far when the file grew past the limit while being read.
        case tooLarge(Int)
        /// Missing, not a regular file, or not readable.
        case unreadable
    }

    static func read(_ path: String, limit: Int) -> Outcome {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .unreadable }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .unreadable }
        let size = Int(info.st_size)
        guard size <= limit else { return .tooLarge(size) }
        // One byte more than the size, so a file that grew since `fstat` is still read to its end.
        var buffer = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while true {
            if count == buffer.count {
                guard count <= limit else { return .tooLarge(count) }
                buffer += [UInt8](repeating: 0, count: max(4096, count))
            }
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + count, $0.count - count) }
            if n < 0, errno == EINTR { continue }
            guard n >= 0 else { return .unreadable }
            if n == 0 { break }
            count += n
        }
        guard count <= limit else { return .tooLarge(count) }
        return .bytes(Data(buffer[0..<count]))
    }
}
