import TerminalKit

/// What the terminal shows while a large data directory opens: what is happening and how far along, so the
/// browser never looks hung.
public func renderLoading(size: Size, directory: String, phase: String, fraction: Double, colors: Bool, unicode: Bool) -> ScreenBuffer {
    var canvas = Canvas(size: size, palette: Palette(colors: colors), unicode: unicode)
    canvas.text(Header.brand, x: 0, y: 0, .brand)
    let width = min(60, size.width - 4)
    let left = max(0, (size.width - width) / 2)
    let top = max(2, size.height / 2 - 2)
    canvas.text("Opening " + directory, x: left, y: top, width: width, .heading)
    canvas.text(phase + "…", x: left, y: top + 1, width: width, .plain)
    let clamped = max(0, min(1, fraction))
    let percent = " \(Int((clamped * 100).rounded(.down)))%"
    let barWidth = max(1, width - percent.count)
    canvas.bar(x: left, y: top + 2, width: barWidth, numerator: Int64(clamped * 1000), denominator: 1000, .bar)
    canvas.text(percent, x: left + barWidth, y: top + 2, .dim)
    canvas.text("q gives up", x: left, y: top + 4, width: width, .dim)
    return canvas.buffer
}
