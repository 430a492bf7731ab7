import ArgumentParser
import CaseboardKit

struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List themes, projects, funding, partners or contacts.",
        discussion: """
            Theme, status and district filters narrow the projects; the other collections show what is linked to \
            the matching projects (funding allocated to them, partners and contacts involved). --search matches \
            each collection's own names (and, for projects, summaries, tags, partner and contact names).
            """)

    enum Collection: String, ExpressibleByArgument, CaseIterable {
        case themes, projects, funding, partners, contacts
    }

    @Argument(help: "themes, projects, funding, partners or contacts")
    var collection: Collection

    @OptionGroup var data: DataOptions
    @OptionGroup var filters: FilterOptions

    @Option(name: .long, help: "Sort by this column (its id, as in the CSV header).")
    var sort: String?

    @Flag(name: .long, help: "Sort in reverse order.")
    var reverse = false

    @Option(name: .long, help: "table, csv or json.")
    var format: OutputFormat = .table

    func run() throws {
        let dataset = try data.loadDataset()
        let filter = try filters.projectFilter()
        var listing: Listing
        switch collection {
        case .themes: listing = Listings.themes(dataset, filter)
        case .projects: listing = Listings.projects(dataset, filter, full: format != .table)
        case .funding: listing = Listings.funding(dataset, filter, full: format != .table)
        case .partners: listing = Listings.partners(dataset, filter, full: format != .table)
        case .contacts: listing = Listings.contacts(dataset, filter, full: format != .table)
        }
        do {
            listing = try listing.sorted(by: sort)
        } catch let error as UsageError {
            // Said plainly, without the whole usage: only the sort field was wrong.
            Output.error("caseboard list: \(error.description)")
            throw ExitCode(64)
        }
        if reverse { listing.rows.reverse() }
        Output.data(listing.render(format), as: format)
        if format == .table {
            let noun = listing.rows.count == 1 ? String(collection.rawValue.dropLast()) : collection.rawValue
            Output.error("\(listing.rows.count) \(collection == .funding ? "funding streams" : noun)")
        }
    }
}
