/// Moving through an open detail page: between its links, or scrolling a page without any. The page's
/// outline (where its links are, how long it is) comes from the memo, built once per data, page and width.
func moveInDetail(_ detail: DetailState, by delta: Int, _ state: inout AppState, _ memo: Memo) {
    guard let outline = memo.outline(detail.target, state) else { return }
    var detail = detail
    let height = Layout.detailBodyHeight(state.size)
    let linkLines = outline.linkLines
    if linkLines.isEmpty || abs(delta) > 1 {
        // Without links (or on page moves) scroll the text, then pick the first link in view.
        let limit = max(0, outline.lineCount - height)
        detail.scroll = min(max(0, detail.scroll.addingReportingOverflow(delta).partialValue), limit)
        if let first = linkLines.firstIndex(where: { $0 >= detail.scroll && $0 < detail.scroll + height }) {
            detail.selectedLink = first
        } else if !linkLines.isEmpty {
            detail.selectedLink = delta > 0 ? linkLines.count - 1 : 0
        }
    } else {
        detail.selectedLink = min(max(0, detail.selectedLink + delta), linkLines.count - 1)
        let line = linkLines[detail.selectedLink]
        if line < detail.scroll { detail.scroll = max(0, line - 1) }
        if line >= detail.scroll + height { detail.scroll = line - height + 1 }
        // Keep the section heading above the first link in view.
        if detail.selectedLink == 0 && line < height { detail.scroll = 0 }
    }
    state.details[state.details.count - 1] = detail
}

/// Keeps the open page's selection and scroll inside the page after a resize.
func clampDetail(_ state: inout AppState, _ memo: Memo) {
    guard let detail = state.detail, let outline = memo.outline(detail.target, state) else { return }
    var copy = detail
    copy.selectedLink = min(copy.selectedLink, max(0, outline.linkLines.count - 1))
    copy.scroll = min(copy.scroll, max(0, outline.lineCount - Layout.detailBodyHeight(state.size)))
    state.details[state.details.count - 1] = copy
}
