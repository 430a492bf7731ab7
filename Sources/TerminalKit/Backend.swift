/// A terminal the app draws on and reads keys from. `NcursesBackend` is the real one; `MemoryBackend`
/// stands in for it in tests.
public protocol Backend: AnyObject {
    /// The current size in cells; updated when a `.resize` key is delivered.
    var size: Size { get }
    /// False on monochrome terminals or when the user asked for no colour (`NO_COLOR`).
    var supportsColor: Bool { get }
    /// False when the locale cannot show non-ASCII text; backends then substitute ASCII.
    var supportsUnicode: Bool { get }
    /// The next key, waiting at most `timeoutMilliseconds` (negative waits forever); nil on timeout.
    func readKey(timeoutMilliseconds: Int) -> Key?
    /// Shows `buffer`, sending only what changed since the last frame, and puts the terminal's real
    /// cursor at `cursor` (screen readers follow it) or hides it when nil.
    func draw(_ buffer: ScreenBuffer, cursor: (x: Int, y: Int)?)
    /// Forces the next `draw` to repaint everything (Ctrl-L).
    func invalidate()
    /// Restores the terminal. Safe to call more than once.
    func shutdown()
    /// Gives the terminal back and stops the process (Ctrl-Z); returns once it is continued.
    func suspend()
    /// Puts `text` on the clipboard through the terminal (OSC 52, see `Clipboard`), written between frames.
    func copyToClipboard(_ text: String)
}

extension Backend {
    public func invalidate() {}
    public func suspend() {}
}
