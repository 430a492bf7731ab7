extension RecordChange {
    /// An edit event's `changes` as one compact JSON array, exactly as the journal line holds it: how a
    /// database store keeps them (in a jsonb column) and reads them back.
    public static func jsonText(_ changes: [RecordChange]) -> String { JSONWriter.compact(.array(changes.map(\.json))) }

    /// The changes in a JSON array written by `jsonText` (or by hand); throws the reason when one is not a
    /// change Caseboard understands.
    public static func list(fromJSON text: String) throws(EditRefusal) -> [RecordChange] {
        let root: JSONNode
        do {
            root = try JSONParser.parse(Array(text.utf8))
        } catch {
            throw EditRefusal("the changes are not JSON: \(error.message)")
        }
        guard case .array(let items) = root.value else { throw EditRefusal("the changes must be an array") }
        var out: [RecordChange] = []
        for item in items { out.append(try decode(item)) }
        return out
    }
}
