import ArgumentParser
import GongshiKit

/// The value of `--wait`: alone it waits as long as it takes; `--wait 600` gives up after 600 seconds (exit 3).
struct WaitOption: ExpressibleByArgument, CustomStringConvertible, Sendable {
    /// Seconds, or nil for no limit.
    let seconds: Int?

    static let forever = WaitOption(seconds: nil)

    init(seconds: Int?) { self.seconds = seconds }

    init?(argument: String) {
        guard let seconds = Int(argument) else { return nil }
        self.seconds = seconds
    }

    var description: String { seconds.map { "\($0) 秒" } ?? "不限时" }

    /// Throws when the number of seconds is not positive.
    func validate() throws {
        if let seconds, seconds <= 0 { throw ValidationError("--wait 的秒数必须是正整数，如 --wait 600；不限时等待只写 --wait") }
    }

    /// How `BuildLock` waits for this option (`nil`: the option was not given, do not wait).
    static func lockWait(_ option: WaitOption?) -> BuildLock.Wait {
        guard let option else { return .no }
        return option.seconds.map(BuildLock.Wait.seconds) ?? .forever
    }
}
