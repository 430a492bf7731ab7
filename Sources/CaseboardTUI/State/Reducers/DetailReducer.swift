/// Moving through an open detail page. The page's outline (where its links are, how long it is) comes from
/// the memo, built once per data, page and width.
///
/// One model for a page: the selected link is always one in view. j/k go to the next link when it is in
/// view and otherwise scroll a line towards it (so text between links is read, not jumped over); page moves,
/// g and G scroll, then take the first link in view (the last one for G, at the bottom).
func moveInDetail(_ detail: DetailState, by delta: Int, _ state: inout AppState, _ memo: Memo) {
    guard let outline = memo.outline(detail.target, state) else { return }
    var detail = detail
    let height = Layout.detailBodyHeight(state.size)
    let links = outline.linkLines
    let limit = max(0, outline.lineCount - height)
    func inView(_ line: Int) -> Bool { line >= detail.scroll && line < detail.scroll + height }
    func firstInView() -> Int? { links.firstIndex(where: inView) }
    func lastInView() -> Int? { links.lastIndex(where: inView) }
    if abs(delta) == 1 {
        let current = links.indices.contains(detail.selectedLink) && inView(links[detail.selectedLink]) ? detail.selectedLink : nil
        let next = current.map { $0 + delta } ?? (delta > 0 ? firstInView() : lastInView())
        if let next, links.indices.contains(next), inView(links[next]) {
            detail.selectedLink = next
        } else {
            detail.scroll = min(max(0, detail.scroll + delta), limit)
            if let next, links.indices.contains(next), inView(links[next]) { detail.selectedLink = next }
        }
    } else {
        detail.scroll = min(max(0, detail.scroll.addingReportingOverflow(delta).partialValue), limit)
        let atBottom = delta > 0 && detail.scroll == limit
        if let pick = atBottom ? lastInView() : firstInView() { detail.selectedLink = pick }
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
