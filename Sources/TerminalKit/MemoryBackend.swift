/// An in-memory `Backend` for tests: keys come from a queue and frames are kept for inspection.
public final class MemoryBackend: Backend {
    public private(set) var size: Size
    public let supportsColor: Bool
    public let supportsUnicode: Bool
    /// Keys still to be read; `readKey` takes from the front.
    public var queuedKeys: [Key] = []
    /// The most recently drawn frame.
    public private(set) var lastFrame: ScreenBuffer?
    /// How many times `draw` was called.
    public private(set) var frameCount = 0
    /// Cells of the last frame that differ from the frame before it: every cell for the first frame, after
    /// a size change or after `invalidate()`. Proves that only changed cells would be flushed.
    public private(set) var cellsWrittenLastFrame = 0
    /// Where the last frame put the cursor (nil = hidden).
    public var cursor: (x: Int, y: Int)?
    /// How many times `invalidate()` was called.
    public private(set) var invalidationCount = 0
    public private(set) var isShutDown = false
    /// The bytes of every clipboard copy, in order, as a terminal would have received them.
    public private(set) var clipboardWrites: [[UInt8]] = []
    private var needsFullRedraw = true

    public init(size: Size = Size(width: 80, height: 24), supportsColor: Bool = true, supportsUnicode: Bool = true) {
        self.size = size
        self.supportsColor = supportsColor
        self.supportsUnicode = supportsUnicode
    }

    /// Appends keys to the queue.
    public func enqueue(_ keys: Key...) {
        queuedKeys.append(contentsOf: keys)
    }

    /// Appends one `.character` key per character of `text`.
    public func type(_ text: String) {
        queuedKeys.append(contentsOf: Key.typing(text))
    }

    /// Changes the size and queues `.resize`, as a real terminal would.
    public func resize(to newSize: Size) {
        size = newSize
        queuedKeys.append(.resize)
    }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        queuedKeys.isEmpty ? nil : queuedKeys.removeFirst()
    }

    public func draw(_ buffer: ScreenBuffer, cursor: (x: Int, y: Int)?) {
        if needsFullRedraw || lastFrame == nil {
            cellsWrittenLastFrame = buffer.size.width * buffer.size.height
        } else if let lastFrame {
            cellsWrittenLastFrame = buffer.changedCellCount(from: lastFrame)
        }
        needsFullRedraw = false
        lastFrame = buffer
        self.cursor = cursor
        frameCount += 1
    }

    public func invalidate() {
        invalidationCount += 1
        needsFullRedraw = true
    }

    public func copyToClipboard(_ text: String) {
        clipboardWrites.append(Clipboard.osc52(text))
    }

    public func shutdown() {
        isShutDown = true
    }

    /// The text of the last frame (empty before the first draw).
    public var screenText: [String] { lastFrame?.text() ?? [] }
}
