extension DetailOutline {
    /// Lays the page out once and keeps only where its links are: the reducer never holds the page itself.
    init?(_ target: DetailTarget, _ state: AppState) {
        guard let page = DetailPage.build(target, state) else { return nil }
        let linkLines = page.linkLines
        self.init(linkLines: linkLines, targets: linkLines.compactMap { page.lines[$0].link }, lineCount: page.lines.count)
    }
}
