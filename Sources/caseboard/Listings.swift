import CaseboardKit

/// The listings `list` prints, built from the same queries the UI uses. `full` (CSV, JSON and export) adds the
/// fields the table leaves out, ids beside the names they stand for so records can be joined back up.
enum Listings {
    /// Project rows that pass the theme, status and district filters and (for projects) the text.
    static func projectRows(_ dataset: Dataset, _ filter: ProjectFilter, includeText: Bool) -> [Int] {
        // Field words in the search (status:, district: …) narrow the projects of every listing.
        var choices = filter.withoutText
        choices.text = SearchQuery.fieldWords(of: filter.text)
        return dataset.matchingRows(includeText ? filter : choices)
    }

    /// For collections other than projects, each word of the search matches the records' own names.
    static func matchesName(_ filter: ProjectFilter, _ values: [String]) -> Bool {
        let folded = values.map(SearchKeys.fold)
        return SearchQuery(filter.text).words.allSatisfy { word in folded.contains { $0.contains(word) } }
    }

    static func projects(_ dataset: Dataset, _ filter: ProjectFilter, full: Bool) -> Listing {
        let rows = projectRows(dataset, filter, includeText: true)
        var columns = [
            Column(id: "id", header: "ID"), Column(id: "title", header: "TITLE"), Column(id: "theme", header: "THEME"),
            Column(id: "status", header: "STATUS"), Column(id: "lead", header: "LEAD"),
            Column(id: "districts", header: "DISTRICTS"), Column(id: "funding", header: "FUNDING", alignRight: true, isMoney: true),
        ]
        // The table answers "what ends when" too; the full formats carry both dates further on.
        if !full { columns.append(Column(id: "end", header: "END")) }
        if full {
            columns.insert(Column(id: "lead_id", header: "LEAD ID"), at: 5)
            columns.insert(Column(id: "theme_id", header: "THEME ID"), at: 3)
            columns += [
                Column(id: "district_ids", header: "DISTRICT IDS"),
                Column(id: "secondary_themes", header: "SECONDARY THEMES"), Column(id: "partners", header: "PARTNERS"),
                Column(id: "partner_ids", header: "PARTNER IDS"), Column(id: "start", header: "START"),
                Column(id: "end", header: "END"), Column(id: "summary", header: "SUMMARY"), Column(id: "contacts", header: "CONTACTS"),
                Column(id: "contact_names", header: "CONTACT NAMES"), Column(id: "tags", header: "TAGS"),
                Column(id: "provenance", header: "PROVENANCE"),
            ]
        }
        let table = rows.map { row -> [Field] in
            let project = dataset.projects[row]
            var fields: [Field] = [
                .text(project.id), .text(project.title), .text(Theme.shortName(project.theme)), .text(project.status.rawValue),
                .text(dataset.organisationName(project.lead)), .list(project.districts.map(\.name)),
                .money(dataset.projectFunding[row], compact: !full),
            ]
            if !full { fields.append(.date(project.end ?? "")) }
            if full {
                fields.insert(.text(project.lead), at: 5)
                fields.insert(.text(project.theme), at: 3)
                fields += [
                    .list(project.districts.map(\.rawValue)), .list(project.secondaryThemes),
                    .list(project.partners.map(dataset.organisationName)), .list(project.partners),
                    .date(project.start ?? ""), .date(project.end ?? ""), .text(project.summary), .list(project.contacts),
                    .list(project.contacts.map { dataset.contact($0)?.name ?? $0 }), .list(project.tags),
                    .text(project.provenance?.rawValue ?? ""),
                ]
            }
            return fields
        }
        return Listing(columns: columns, rows: table)
    }

    static func themes(_ dataset: Dataset, _ filter: ProjectFilter) -> Listing {
        let rows = projectRows(dataset, filter, includeText: false)
        let funding = dataset.fundingByTheme(forRows: !filter.withoutText.isEmpty ? Set(rows) : nil)
        let columns = [
            Column(id: "id", header: "ID"), Column(id: "name", header: "NAME"),
            Column(id: "projects", header: "PROJECTS", alignRight: true), Column(id: "at_risk", header: "AT RISK", alignRight: true),
            Column(id: "funding", header: "FUNDING", alignRight: true, isMoney: true), Column(id: "description", header: "DESCRIPTION"),
        ]
        var table: [[Field]] = []
        for (index, theme) in dataset.themes.enumerated() where filter.themes.isEmpty || filter.themes.contains(theme.id) {
            guard matchesName(filter, [theme.id, theme.name, theme.description]) else { continue }
            let bit = UInt8(1) << (Theme.knownIDs.firstIndex(of: theme.id) ?? 0)
            let inTheme = rows.filter { dataset.projects.hasTheme($0, in: bit) }
            let atRisk = inTheme.filter { dataset.projects.statuses[$0] == .atRisk }.count
            table.append([
                .text(theme.id), .text(theme.name), .count(inTheme.count), .count(atRisk), .money(funding[index].amount),
                .text(theme.description),
            ])
        }
        return Listing(columns: columns, rows: table)
    }

    static func funding(_ dataset: Dataset, _ filter: ProjectFilter, full: Bool) -> Listing {
        let rows = projectRows(dataset, filter, includeText: false)
        let scope = !filter.withoutText.isEmpty ? Set(rows) : nil
        let totals = dataset.streamTotals(forRows: scope)
        var columns = [
            Column(id: "id", header: "ID"), Column(id: "name", header: "NAME"), Column(id: "funder", header: "FUNDER"),
            Column(id: "years", header: "YEARS"), Column(id: "total", header: "TOTAL", alignRight: true, isMoney: true),
            Column(id: "allocated", header: "ALLOCATED", alignRight: true, isMoney: true),
            Column(id: "unallocated", header: "UNALLOCATED", alignRight: true, isMoney: true),
        ]
        if scope != nil {
            columns[5].header = "TO MATCHING PROJECTS"
        }
        if full {
            columns.insert(Column(id: "funder_id", header: "FUNDER ID"), at: 3)
            columns += [Column(id: "notes", header: "NOTES"), Column(id: "provenance", header: "PROVENANCE")]
        }
        var table: [[Field]] = []
        for (index, stream) in dataset.funding.enumerated() {
            guard matchesName(filter, [stream.id, stream.name, dataset.organisationName(stream.funder)]) else { continue }
            if scope != nil && totals[index].allocated == 0 { continue }
            var fields: [Field] = [
                .text(stream.id), .text(stream.name), .text(dataset.organisationName(stream.funder)), .list(stream.years),
                .money(stream.total), .money(totals[index].allocated), .money(totals[index].unallocated),
            ]
            if full {
                fields.insert(.text(stream.funder), at: 3)
                fields += [.text(stream.notes), .text(stream.provenance?.rawValue ?? "")]
            }
            table.append(fields)
        }
        return Listing(columns: columns, rows: table)
    }

    static func partners(_ dataset: Dataset, _ filter: ProjectFilter, full: Bool) -> Listing {
        let rows = projectRows(dataset, filter, includeText: false)
        var involvement: [String: Int] = [:]
        for row in rows {
            let project = dataset.projects[row]
            for id in Set([project.lead] + project.partners) { involvement[id, default: 0] += 1 }
        }
        var columns = [
            Column(id: "id", header: "ID"), Column(id: "name", header: "NAME"), Column(id: "kind", header: "KIND"),
            Column(id: "district", header: "DISTRICT"), Column(id: "projects", header: "PROJECTS", alignRight: true),
        ]
        if full {
            columns.insert(Column(id: "district_id", header: "DISTRICT ID"), at: 4)
            columns.insert(Column(id: "kind_id", header: "KIND ID"), at: 3)
            columns.append(Column(id: "provenance", header: "PROVENANCE"))
        }
        var table: [[Field]] = []
        for organisation in dataset.organisations {
            let count = involvement[organisation.id] ?? 0
            if !filter.withoutText.isEmpty && count == 0 { continue }
            guard matchesName(filter, [organisation.id, organisation.name, organisation.kind.label]) else { continue }
            var fields: [Field] = [
                .text(organisation.id), .text(organisation.name), .text(organisation.kind.label), .text(organisation.district.name),
                .count(count),
            ]
            if full {
                fields.insert(.text(organisation.district.rawValue), at: 4)
                fields.insert(.text(organisation.kind.rawValue), at: 3)
                fields.append(.text(organisation.provenance?.rawValue ?? ""))
            }
            table.append(fields)
        }
        return Listing(columns: columns, rows: table)
    }

    static func contacts(_ dataset: Dataset, _ filter: ProjectFilter, full: Bool) -> Listing {
        let rows = projectRows(dataset, filter, includeText: false)
        var named: [String: [String]] = [:]
        var ids: [String: [String]] = [:]
        for row in rows {
            for id in dataset.projects[row].contacts {
                named[id, default: []].append(dataset.projects[row].title)
                ids[id, default: []].append(dataset.projects[row].id)
            }
        }
        var columns = [
            Column(id: "id", header: "ID"), Column(id: "name", header: "NAME"), Column(id: "role", header: "ROLE"),
            Column(id: "organisation", header: "ORGANISATION"), Column(id: "email", header: "EMAIL"),
            Column(id: "phone", header: "PHONE"), Column(id: "projects", header: "PROJECTS"),
        ]
        if full {
            columns.insert(Column(id: "organisation_id", header: "ORGANISATION ID"), at: 4)
            columns.append(Column(id: "project_ids", header: "PROJECT IDS"))
        }
        var table: [[Field]] = []
        for contact in dataset.contacts {
            let projects = named[contact.id] ?? []
            if !filter.withoutText.isEmpty && projects.isEmpty { continue }
            let organisation = dataset.organisationName(contact.organisation)
            guard matchesName(filter, [contact.id, contact.name, contact.role, organisation] + projects) else { continue }
            var fields: [Field] = [
                .text(contact.id), .text(contact.name), .text(contact.role), .text(organisation), .text(contact.email),
                .text(contact.phone), .list(projects),
            ]
            if full {
                fields.insert(.text(contact.organisation), at: 4)
                fields.append(.list(ids[contact.id] ?? []))
            }
            table.append(fields)
        }
        return Listing(columns: columns, rows: table)
    }
}
