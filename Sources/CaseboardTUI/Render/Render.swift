import CaseboardKit
import TerminalKit

/// One frame: a pure function of the state. Returns the buffer and where the terminal's real cursor goes
/// (on the selected row, so screen readers follow the selection; at the end of a search being typed).
public func render(_ state: AppState) -> (buffer: ScreenBuffer, cursor: (x: Int, y: Int)?) {
    var canvas = Canvas(size: state.size, palette: Palette(colors: state.colors, theme: state.paletteTheme), unicode: state.unicode)
    if Layout.isTooSmall(state.size) {
        drawTooSmall(state.size, &canvas)
        return (canvas.buffer, nil)
    }
    Header.draw(state, &canvas)
    var cursor = drawContent(underPanel(state), &canvas)
    if let overlay = state.overlay {
        cursor = Overlays.draw(overlay, state, &canvas)
    }
    if let typing = Footer.draw(state, &canvas) { cursor = typing }
    return (canvas.buffer, cursor)
}

/// The state the screen under a docked panel is drawn from: the same, in the room the panel leaves, with
/// the selection kept in view there.
private func underPanel(_ state: AppState) -> AppState {
    guard case .filterPanel = state.overlay else { return state }
    var shown = state
    shown.size = FilterPanelView.remainingSize(state.size, state)
    shown.clampCursors()
    clampDetail(&shown, Memo())
    return shown
}

/// The current screen or detail page; returns where the terminal cursor goes.
private func drawContent(_ state: AppState, _ canvas: inout Canvas) -> (x: Int, y: Int)? {
    let content = Rect(x: 0, y: Layout.headerRows, width: state.size.width, height: Layout.contentHeight(state.size))
    var cursor: (x: Int, y: Int)?
    if let detail = state.detail {
        cursor = DetailView.draw(state, detail, &canvas, area: content).map { (1, $0) }
    } else {
        switch state.screen {
        case .themes: ThemesView.draw(state, &canvas, area: content)
        case .projects: ProjectsView.draw(state, &canvas, area: content)
        case .funding: FundingView.draw(state, &canvas, area: content)
        case .partners: PartnersView.draw(state, &canvas, area: content)
        case .activity: ActivityView.draw(state, &canvas, area: content)
        case .reports: ReportsView.draw(state, &canvas, area: content)
        }
        cursor = Layout.selectedRow(state).map { (0, $0) }
    }
    return cursor
}

/// A clear message instead of a broken layout.
private func drawTooSmall(_ size: Size, _ canvas: inout Canvas) {
    let lines = [
        "Terminal too small",
        "\(size.width)×\(size.height); Caseboard needs at least \(Layout.minimum.width)×\(Layout.minimum.height).",
        "Make the window larger, or press q to quit.",
    ]
    let top = max(0, (size.height - lines.count) / 2)
    for (index, line) in lines.enumerated() {
        let width = min(DisplayWidth.of(line), size.width)
        canvas.text(line, x: max(0, (size.width - width) / 2), y: top + index, width: size.width, index == 0 ? .warning : .plain)
    }
}
