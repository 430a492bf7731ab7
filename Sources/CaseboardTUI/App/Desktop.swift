import Foundation

/// Opening `mailto:` and `tel:` links on the user's desktop, when there is one to open them on.
public enum Desktop {
    /// A graphical session (X11 or Wayland) with xdg-open to hand links to; over plain ssh there is none.
    public static func canOpenLinks(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        let display = !(environment["DISPLAY"] ?? "").isEmpty || !(environment["WAYLAND_DISPLAY"] ?? "").isEmpty
        return display && xdgOpen(environment) != nil
    }

    static func xdgOpen(_ environment: [String: String]) -> String? {
        (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/xdg-open" }.first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    /// Starts xdg-open and does not wait for it: its output goes to /dev/null so it cannot draw over the
    /// screen, and a slow mail client never holds up the browser.
    public static func open(_ link: String) {
        guard let path = xdgOpen(ProcessInfo.processInfo.environment) else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = [link]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try? process.run()
    }
}
