import Foundation

/// Checks that an output path can be a folder at all, before anything is created next to it.
public enum OutputLocation {
    /// A Chinese explanation when the output, or a folder above it, already exists as something other than a folder
    /// (`--output 某文件/out`); nil otherwise.
    public static func problem(_ output: URL) -> String? {
        let fm = FileManager.default
        var path = output.standardizedFileURL
        while true {
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: path.path, isDirectory: &isDirectory) {
                if isDirectory.boolValue { return nil }
                let what = path == output.standardizedFileURL ? "输出路径本身" : "它的上级 \(path.path)"
                return "输出目录 \(output.path) 无法使用：\(what)是一个文件，不是目录。请用 --output 另选一个目录，或先移走这个文件"
            }
            let parent = path.deletingLastPathComponent()
            if parent.path == path.path { return nil }
            path = parent
        }
    }
}
