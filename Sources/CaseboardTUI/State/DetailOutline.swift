/// What the reducer needs of a detail page: where its links are and how long it is, at the current width.
struct DetailOutline: Equatable {
    /// Line numbers of the lines that can be selected and opened, top to bottom.
    var linkLines: [Int]
    /// Where each of those lines leads.
    var targets: [DetailTarget]
    var lineCount: Int
}

extension Memo {
    /// The outline of `target`'s page as `state` would draw it: laid out once per data, page and width.
    func outline(_ target: DetailTarget, _ state: AppState) -> DetailOutline? {
        let key = OutlineKey(
            origin: ObjectIdentifier(state.data.origin), version: state.datasetVersion, historyVersion: state.history.version,
            target: target, width: state.size.width, dateStyle: state.dateStyle)
        if let cached = outline, cached.key == key { return cached.outline }
        guard let built = DetailOutline(target, state) else { return nil }
        outline = (key, built)
        return built
    }
}
