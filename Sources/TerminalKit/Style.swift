/// How a cell is drawn: optional colours (nil = the terminal's default) plus text attributes.
public struct Style: Equatable, Hashable, Sendable {
    public var foreground: TerminalColor?
    public var background: TerminalColor?
    public var bold: Bool
    public var dim: Bool
    public var reverse: Bool
    public var underline: Bool

    public init(
        foreground: TerminalColor? = nil,
        background: TerminalColor? = nil,
        bold: Bool = false,
        dim: Bool = false,
        reverse: Bool = false,
        underline: Bool = false
    ) {
        self.foreground = foreground
        self.background = background
        self.bold = bold
        self.dim = dim
        self.reverse = reverse
        self.underline = underline
    }

    /// Default colours, no attributes.
    public static let plain = Style()
    public static let bold = Style(bold: true)
    public static let dim = Style(dim: true)
    public static let reverse = Style(reverse: true)
    public static let underline = Style(underline: true)

    /// A style with only a foreground colour.
    public static func foreground(_ color: TerminalColor) -> Style {
        Style(foreground: color)
    }

    /// True when the style draws exactly like unstyled text.
    public var isPlain: Bool { self == .plain }

    /// Returns a copy with the given fields changed; a nil argument keeps the current value.
    /// Use `withForeground(nil)` / `withBackground(nil)` to return a colour to the terminal default.
    public func with(
        foreground: TerminalColor? = nil,
        background: TerminalColor? = nil,
        bold: Bool? = nil,
        dim: Bool? = nil,
        reverse: Bool? = nil,
        underline: Bool? = nil
    ) -> Style {
        var copy = self
        if let foreground { copy.foreground = foreground }
        if let background { copy.background = background }
        if let bold { copy.bold = bold }
        if let dim { copy.dim = dim }
        if let reverse { copy.reverse = reverse }
        if let underline { copy.underline = underline }
        return copy
    }

    public func withForeground(_ color: TerminalColor?) -> Style {
        var copy = self
        copy.foreground = color
        return copy
    }

    public func withBackground(_ color: TerminalColor?) -> Style {
        var copy = self
        copy.background = color
        return copy
    }

    /// The same attributes without colours: what a monochrome (`NO_COLOR`) terminal shows.
    public var withoutColors: Style {
        var copy = self
        copy.foreground = nil
        copy.background = nil
        return copy
    }

    /// Stable, human-readable description used by `ScreenBuffer.styleRuns()`, e.g. `fg=red bold`;
    /// `plain` for the default style. Field order is fixed so golden files stay deterministic.
    public var summary: String {
        var parts: [String] = []
        if let foreground { parts.append("fg=\(foreground.name)") }
        if let background { parts.append("bg=\(background.name)") }
        if bold { parts.append("bold") }
        if dim { parts.append("dim") }
        if reverse { parts.append("reverse") }
        if underline { parts.append("underline") }
        return parts.isEmpty ? "plain" : parts.joined(separator: " ")
    }
}
