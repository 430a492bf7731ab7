/// The column headers each kind of record is recognised by, compared with case, spaces and punctuation left out
/// ("Amount (£)" is "amount", "District(s)" is "districts"). Besides these, every field's own name and label
/// match. An id column (`lead_id`, as `caseboard export` writes it) outranks the name column beside it (`lead`).
enum ImportHeaders {
    struct Synonym {
        var field: String
        var rank: Int
        var headers: [String]
    }

    static let idRank = 2
    static let nameRank = 1
    /// A header the --map file names beats any the importer recognises.
    static let mappedRank = 3

    static func synonyms(_ kind: RecordKind) -> [Synonym] {
        let own = kind.fields.map { Synonym(field: $0.name, rank: nameRank, headers: [$0.name, $0.label]) }
        return own + extra(kind)
    }

    private static func extra(_ kind: RecordKind) -> [Synonym] {
        switch kind {
        case .project:
            return [
                Synonym(field: "id", rank: idRank, headers: ["id", "project id", "project ref", "reference"]),
                Synonym(field: "title", rank: nameRank, headers: ["project", "project name", "project title", "name", "programme"]),
                Synonym(field: "theme", rank: idRank, headers: ["theme_id"]),
                Synonym(field: "theme", rank: nameRank, headers: ["primary theme", "strategy theme"]),
                Synonym(field: "secondary_themes", rank: nameRank, headers: ["other themes"]),
                Synonym(field: "lead", rank: idRank, headers: ["lead_id"]),
                Synonym(
                    field: "lead", rank: nameRank, headers: ["lead", "lead organisation", "lead organization", "lead partner", "lead org"]),
                Synonym(field: "partners", rank: idRank, headers: ["partner_ids"]),
                Synonym(field: "partners", rank: nameRank, headers: ["delivery partners", "partner organisations"]),
                Synonym(field: "districts", rank: idRank, headers: ["district_ids"]),
                Synonym(field: "districts", rank: nameRank, headers: ["district", "district(s)", "area", "areas"]),
                Synonym(field: "start", rank: nameRank, headers: ["start", "starts", "start date"]),
                Synonym(field: "end", rank: nameRank, headers: ["end", "ends", "end date"]),
                Synonym(field: "summary", rank: nameRank, headers: ["description"]),
                // The export's `contacts` holds ids and `contact_names` the names.
                Synonym(field: "contacts", rank: idRank, headers: ["contacts", "contact_ids"]),
                Synonym(field: "contacts", rank: nameRank, headers: ["contact_names", "contact"]),
                Synonym(field: "tags", rank: nameRank, headers: ["keywords"]),
            ]
        case .partner:
            return [
                Synonym(field: "id", rank: idRank, headers: ["id", "partner id", "organisation id"]),
                Synonym(field: "name", rank: nameRank, headers: ["organisation", "organization", "organisation name", "partner"]),
                Synonym(field: "kind", rank: idRank, headers: ["kind_id"]),
                Synonym(field: "kind", rank: nameRank, headers: ["type", "organisation type", "sector"]),
                Synonym(field: "district", rank: idRank, headers: ["district_id"]),
                Synonym(field: "district", rank: nameRank, headers: ["area"]),
            ]
        case .contact:
            return [
                Synonym(field: "id", rank: idRank, headers: ["id", "contact id"]),
                Synonym(field: "name", rank: nameRank, headers: ["contact", "contact name", "full name"]),
                Synonym(field: "role", rank: nameRank, headers: ["job title", "position"]),
                Synonym(field: "organisation", rank: idRank, headers: ["organisation_id"]),
                Synonym(field: "organisation", rank: nameRank, headers: ["organization", "employer", "partner"]),
                Synonym(field: "email", rank: nameRank, headers: ["email address", "e-mail"]),
                Synonym(field: "phone", rank: nameRank, headers: ["telephone", "phone number", "tel", "mobile"]),
            ]
        case .stream:
            return [
                Synonym(field: "id", rank: idRank, headers: ["id", "stream id", "funding stream id"]),
                Synonym(field: "name", rank: nameRank, headers: ["stream", "funding stream", "fund", "title"]),
                Synonym(field: "funder", rank: idRank, headers: ["funder_id"]),
                Synonym(field: "funder", rank: nameRank, headers: ["funded by"]),
                Synonym(field: "years", rank: nameRank, headers: ["years", "year", "financial year"]),
                Synonym(field: "total_pence", rank: nameRank, headers: ["total", "total_gbp", "amount", "total amount", "value"]),
                Synonym(field: "notes", rank: nameRank, headers: ["note", "comments"]),
            ]
        case .allocation:
            return [
                Synonym(field: "stream", rank: idRank, headers: ["stream_id", "funding stream id"]),
                Synonym(field: "stream", rank: nameRank, headers: ["stream", "fund"]),
                Synonym(field: "project", rank: idRank, headers: ["project_id"]),
                Synonym(field: "project", rank: nameRank, headers: ["project title", "project name"]),
                Synonym(field: "year", rank: nameRank, headers: ["year", "fy"]),
                Synonym(field: "amount_pence", rank: nameRank, headers: ["amount", "amount_gbp", "allocation", "allocated_gbp"]),
                Synonym(field: "spent_pence", rank: nameRank, headers: ["spent", "spent_gbp", "spend", "spent so far"]),
                Synonym(field: "spent_quarters_pence", rank: nameRank, headers: ["spent by quarter", "quarterly spend"]),
            ]
        }
    }

    /// The field and rank a header gives, if any.
    static func field(for header: String, _ kind: RecordKind) -> (field: String, rank: Int)? {
        let folded = FieldInput.fold(header)
        guard !folded.isEmpty else { return nil }
        var best: (field: String, rank: Int)?
        for synonym in synonyms(kind) where synonym.headers.contains(where: { FieldInput.fold($0) == folded }) {
            if best == nil || synonym.rank > best!.rank { best = (synonym.field, synonym.rank) }
        }
        return best
    }
}
