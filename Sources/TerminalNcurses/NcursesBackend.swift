import CNcursesw
import TerminalKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The real terminal, driven through ncursesw. The only type in the project that talks to ncurses.
///
/// Input is raw (Ctrl-C arrives as `.control("c")` rather than a signal), Esc is reported after ~25 ms,
/// the terminal's default colours are kept, and `draw` sends only the cells that changed since the
/// previous frame. `shutdown()` — or any termination signal, crash or `exit` — restores the terminal.
public final class NcursesBackend: Backend {
    public private(set) var size: Size
    public let supportsColor: Bool
    public let supportsUnicode: Bool
    /// True when mouse reporting was requested and the terminal accepted it.
    public let mouseEnabled: Bool

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var isShutDown = false

    /// What the terminal shows now, as far as this backend knows; nil forces a full repaint.
    private var shownFrame: ScreenBuffer?
    /// Set by `invalidate()`: the next frame also clears the physical screen (garbage from other programs).
    private var clearPhysicalScreen = false
    private var cursorVisible: Bool?

    private var colorPairs: [ColorKey: Int16] = [:]
    private var nextColorPair: Int32 = 1
    private let maxColorPairs: Int32
    private let defaultColor: Int16
    private var glyphCache: [Character: [wchar_t]] = [:]
    /// Escape sequences and bracketed pastes that ncurses' keypad does not know, decoded whole.
    private var decoder = InputDecoder()
    /// How long to wait for the rest of a sequence after its ESC (ncurses has already waited its own delay).
    private let sequenceWaitMilliseconds = 25
    /// A paste whose end does not come within this long is taken as ended.
    private let pasteWaitMilliseconds = 1000

    private struct ColorKey: Hashable {
        var foreground: TerminalColor?
        var background: TerminalColor?
    }

    /// Takes over the terminal.
    /// - Parameters:
    ///   - noColor: draw without colours (pass true when `NO_COLOR` is set); attributes still work.
    ///   - enableMouse: report button-1 presses and the wheel. Off by default because mouse reporting stops
    ///     the terminal's own text selection.
    /// - Throws: `NcursesBackendError.unknownTerminal` when TERM is unset or unknown (instead of ncurses
    ///   printing a message and exiting the process).
    public init(noColor: Bool = false, enableMouse: Bool = false) throws {
        TerminalSignals.resetInheritedSignalState()
        setlocale(LC_ALL, "")
        supportsUnicode = cnw_locale_is_utf8() != 0

        let termName = getenv("TERM").map { String(cString: $0) }
        guard let termName, !termName.isEmpty else { throw NcursesBackendError.unknownTerminal(nil) }
        // Separate FILE streams on the standard descriptors: ncurses buffers its own output.
        guard let output = fdopen(STDOUT_FILENO, "w"), let input = fdopen(STDIN_FILENO, "r") else {
            throw NcursesBackendError.unknownTerminal(termName)
        }
        guard let screen = newterm(termName, output, input) else {
            fclose(output)
            fclose(input)
            throw NcursesBackendError.unknownTerminal(termName)
        }
        set_term(screen)
        // Without cursor addressing (TERM=dumb) every frame would be written onto one line.
        guard cnw_can_address_cursor() != 0 else {
            endwin()
            delscreen(screen)
            fclose(output)
            fclose(input)
            throw NcursesBackendError.cannotMoveCursor(termName)
        }
        self.screen = screen
        window = cnw_stdscr()
        TerminalSignals.cursesActive = true
        TerminalSignals.install()
        TerminalSignals.startBracketedPaste()

        raw()
        noecho()
        nonl()
        keypad(window, true)
        intrflush(window, false)
        set_escdelay(25)
        leaveok(window, false)

        var colorOn = false
        var defaultColor: Int16 = -1
        if !noColor && has_colors() {
            colorOn = start_color() == OK
            // Keep the terminal's own background (light or dark); pair colours use -1 for "default".
            if colorOn && use_default_colors() != OK { defaultColor = -2 }
        }
        supportsColor = colorOn
        self.defaultColor = defaultColor
        maxColorPairs = colorOn ? Int32(cnw_color_pairs()) : 0

        var mouseOn = false
        if enableMouse {
            let wanted = cnw_button1_pressed() | cnw_button4_pressed() | cnw_button5_pressed()
            mouseOn = mousemask(mmask_t(wanted), nil) != 0
            mouseinterval(0)  // report presses at once rather than waiting to detect clicks
        }
        mouseEnabled = mouseOn

        size = Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    deinit {
        shutdown()
    }

    /// True when both standard input and standard output are terminals.
    public static func isTerminal() -> Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    public func shutdown() {
        guard !isShutDown else { return }
        isShutDown = true
        if mouseEnabled { mousemask(0, nil) }
        TerminalSignals.restoreTerminal()
    }

    public func invalidate() {
        shownFrame = nil
        clearPhysicalScreen = true
    }

    /// Leaves curses mode, stops like any job on Ctrl-Z, and takes the terminal back on `fg`.
    public func suspend() {
        guard !isShutDown else { return }
        def_prog_mode()
        TerminalSignals.restoreTerminal()
        signal(SIGTSTP, SIG_DFL)
        raise(SIGTSTP)
        // Continued.
        TerminalSignals.cursesActive = true
        reset_prog_mode()
        TerminalSignals.startBracketedPaste()
        size = Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
        invalidate()
    }

    // MARK: - Input

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard !isShutDown else { return nil }
        while true {
            if let key = decoder.nextKey() { return key }
            let wait =
                decoder.isInPaste ? pasteWaitMilliseconds : decoder.isMidSequence ? sequenceWaitMilliseconds : timeoutMilliseconds
            wtimeout(window, Int32(clamping: max(-1, wait)))
            var code: wint_t = 0
            switch wget_wch(window, &code) {
            case KEY_CODE_YES:
                let keyCode = Int32(bitPattern: UInt32(code))
                if keyCode == KEY_RESIZE { return key(forKeyCode: keyCode) }
                // Inside a paste, a sequence ncurses recognised is pasted text it took for a key: dropped.
                if decoder.isInPaste { continue }
                // Anything else after a lone ESC means the ESC was Escape.
                if decoder.isMidSequence { decoder.timedOut() }
                if let key = key(forKeyCode: keyCode) { decoder.push(key) }
            case OK:
                if let scalar = Unicode.Scalar(UInt32(code)) { decoder.feed(scalar) }
            default:
                guard decoder.isMidSequence else { return nil }  // the caller's timeout
                decoder.timedOut()
            }
            // Keys the app has no name for are skipped; keep waiting.
        }
    }

    private func key(forKeyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_IC: return .insert
        case KEY_RESIZE:
            size = Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
            shownFrame = nil
            return .resize
        case KEY_MOUSE:
            return mouseKey()
        case cnw_key_f(1)...cnw_key_f(63):
            return .function(Int(code - cnw_key_f(0)))
        default:
            return modifiedKey(code)
        }
    }

    /// Keys terminfo lists under extended names, such as Ctrl-Right (`kRIT5`) or Shift-End (`kEND2`): the
    /// plain key, as the app has no use for modifiers.
    private func modifiedKey(_ code: Int32) -> Key? {
        guard let pointer = keyname(code) else { return nil }
        let name = String(cString: pointer)
        let plain: [(prefix: String, key: Key)] = [
            ("kUP", .up), ("kDN", .down), ("kLFT", .left), ("kRIT", .right), ("kHOM", .home), ("kEND", .end),
            ("kPRV", .pageUp), ("kNXT", .pageDown), ("kDC", .delete), ("kIC", .insert),
        ]
        return plain.first { name.hasPrefix($0.prefix) && name.dropFirst($0.prefix.count).allSatisfy(\.isNumber) }?.key
    }

    private func mouseKey() -> Key? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let x = Int(event.x)
        let y = Int(event.y)
        if event.bstate & cnw_button4_pressed() != 0 { return .mouse(MouseEvent(kind: .wheelUp, x: x, y: y)) }
        if event.bstate & cnw_button5_pressed() != 0 { return .mouse(MouseEvent(kind: .wheelDown, x: x, y: y)) }
        if event.bstate & cnw_button1_pressed() != 0 { return .mouse(MouseEvent(kind: .press, x: x, y: y)) }
        return nil
    }

    // MARK: - Output

    public func draw(_ buffer: ScreenBuffer, cursor: (x: Int, y: Int)?) {
        guard !isShutDown else { return }
        let previous: ScreenBuffer
        if let shownFrame, shownFrame.size == buffer.size {
            previous = shownFrame
        } else {
            // Start from a blank window so only non-blank cells need sending.
            werase(window)
            if clearPhysicalScreen { clearok(window, true) }
            previous = ScreenBuffer(size: buffer.size)
        }
        clearPhysicalScreen = false

        let rows = Int(getmaxy(window))
        let columns = Int(getmaxx(window))
        for run in buffer.changedRuns(from: previous) where run.y < rows {
            write(run, of: buffer, columns: columns)
        }
        wattr_set(window, cnw_a_normal(), 0, nil)

        if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < columns, cursor.y < rows {
            setCursorVisible(true)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            setCursorVisible(false)
        }
        wnoutrefresh(window)
        doupdate()
        shownFrame = buffer
    }

    /// Written straight to the terminal after the last frame was flushed, so it never lands inside one;
    /// ncurses does not know the sequence and draws nothing for it.
    public func copyToClipboard(_ text: String) {
        guard !isShutDown else { return }
        fflush(nil)
        let bytes = Clipboard.osc52(text)
        bytes.withUnsafeBytes { raw in
            var sent = 0
            while sent < raw.count {
                let written = Glibc.write(STDOUT_FILENO, raw.baseAddress! + sent, raw.count - sent)
                if written > 0 {
                    sent += written
                } else if written < 0 && errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }

    /// Sends one run of cells, split where the style changes, never past the window's right edge.
    private func write(_ run: CellRun, of buffer: ScreenBuffer, columns: Int) {
        var text: [wchar_t] = []
        var segmentStart = run.x
        var segmentStyle: Style?
        var x = run.x
        let end = min(run.maxX, columns)

        func flush() {
            guard let style = segmentStyle, !text.isEmpty else { return }
            let (attributes, pair) = attributesAndPair(for: style)
            wattr_set(window, attributes, pair, nil)
            _ = text.withUnsafeBufferPointer { pointer in
                mvwaddnwstr(window, Int32(run.y), Int32(segmentStart), pointer.baseAddress, Int32(pointer.count))
            }
            text.removeAll(keepingCapacity: true)
        }

        while x < end {
            let cell = buffer[x, run.y]
            if cell.isContinuation {
                x += 1
                continue
            }
            if cell.style != segmentStyle {
                flush()
                segmentStart = x
                segmentStyle = cell.style
            }
            let isWide = buffer[x + 1, run.y].isContinuation && x + 1 < buffer.size.width
            if isWide && x + 1 >= end {
                text.append(wchar_t(0x20))  // the right half would fall off the window
            } else {
                text.append(contentsOf: glyphs(for: cell.character, width: isWide ? 2 : 1))
            }
            x += isWide ? 2 : 1
        }
        flush()
    }

    private func setCursorVisible(_ visible: Bool) {
        guard cursorVisible != visible else { return }
        cursorVisible = visible
        curs_set(visible ? 1 : 0)
    }

    // MARK: - Styles

    private func attributesAndPair(for style: Style) -> (attr_t, Int16) {
        var attributes = cnw_a_normal()
        var reverse = style.reverse
        var pair: Int16 = 0
        if supportsColor {
            if style.foreground != nil || style.background != nil {
                pair = colorPair(ColorKey(foreground: style.foreground, background: style.background))
            }
        } else if style.background != nil {
            // Without colour a background is usually a highlight (selection, status bar): keep it visible.
            reverse = true
        }
        if style.bold { attributes |= cnw_a_bold() }
        if style.dim { attributes |= cnw_a_dim() }
        if reverse { attributes |= cnw_a_reverse() }
        if style.underline { attributes |= cnw_a_underline() }
        return (attr_t(attributes), pair)
    }

    /// Allocates colour pairs on first use; when the terminal runs out, falls back to default colours.
    private func colorPair(_ key: ColorKey) -> Int16 {
        if let pair = colorPairs[key] { return pair }
        guard nextColorPair < maxColorPairs, nextColorPair <= Int32(Int16.max) else { return 0 }
        let pair = Int16(nextColorPair)
        let foreground = key.foreground.map { Int16($0.rawValue) } ?? colorForDefault(foreground: true)
        let background = key.background.map { Int16($0.rawValue) } ?? colorForDefault(foreground: false)
        guard init_pair(pair, foreground, background) == OK else { return 0 }
        nextColorPair += 1
        colorPairs[key] = pair
        return pair
    }

    private func colorForDefault(foreground: Bool) -> Int16 {
        if defaultColor == -1 { return -1 }
        return foreground ? Int16(COLOR_WHITE) : Int16(COLOR_BLACK)
    }

    // MARK: - Glyphs

    /// The wide characters to send for one cell, guaranteed to advance ncurses by exactly `width` columns.
    ///
    /// ncurses (and most terminals) measure each scalar with `wcwidth`, which can disagree with the
    /// grapheme-cluster width the buffer uses (ZWJ emoji, VS16 emoji, keycaps). On disagreement the first
    /// scalar is sent alone, padded with spaces, so columns always line up. Without a UTF-8 locale, non-ASCII
    /// becomes ASCII look-alikes or "?".
    private func glyphs(for character: Character, width: Int) -> [wchar_t] {
        if let ascii = character.asciiValue, ascii >= 0x20, ascii < 0x7F { return [wchar_t(ascii)] }
        if let cached = glyphCache[character] { return cached }
        let result = supportsUnicode ? unicodeGlyphs(for: character, width: width) : asciiGlyphs(for: character, width: width)
        if glyphCache.count > 4096 { glyphCache.removeAll() }
        glyphCache[character] = result
        return result
    }

    private func unicodeGlyphs(for character: Character, width: Int) -> [wchar_t] {
        let scalars = character.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        var total = 0
        for scalar in scalars {
            let columns = wcwidth(scalar)
            if columns < 0 {
                total = -1
                break
            }
            total += Int(columns)
        }
        if total == width { return scalars }
        if let first = scalars.first {
            let columns = Int(wcwidth(first))
            if columns >= 1 && columns <= width {
                return [first] + Array(repeating: wchar_t(0x20), count: width - columns)
            }
        }
        return [wchar_t(0xFFFD)] + Array(repeating: wchar_t(0x20), count: width - 1)
    }

    private func asciiGlyphs(for character: Character, width: Int) -> [wchar_t] {
        let replacement: UInt8
        switch character.unicodeScalars.first?.value ?? 0 {
        case 0x2026: replacement = UInt8(ascii: "~")  // …
        case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550: replacement = UInt8(ascii: "-")
        case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551: replacement = UInt8(ascii: "|")
        case 0x250C...0x254B, 0x2552...0x256C: replacement = UInt8(ascii: "+")
        case 0x2190, 0x25C0, 0x25C2, 0x25C4: replacement = UInt8(ascii: "<")
        case 0x2192, 0x25B6, 0x25B8, 0x25BA: replacement = UInt8(ascii: ">")
        case 0x2191, 0x25B2, 0x25B4: replacement = UInt8(ascii: "^")
        case 0x2193, 0x25BC, 0x25BE: replacement = UInt8(ascii: "v")
        case 0x2022, 0x00B7, 0x25CF: replacement = UInt8(ascii: "*")
        default: replacement = UInt8(ascii: "?")
        }
        return Array(repeating: wchar_t(replacement), count: max(1, width))
    }
}
