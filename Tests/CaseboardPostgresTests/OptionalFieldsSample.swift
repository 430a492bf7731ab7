import CaseboardKit
import Foundation

/// The sample with every optional field filled in somewhere (provenance, risk reason, owner and review date,
/// spend and spend by quarter) and a retired record of every kind, written by DatasetWriter.
enum OptionalFieldsSample {
    static func make() throws -> String {
        let dataset = try DatasetLoader.load(directory: TestDatabase.sample)
        var organisations = dataset.organisations
        organisations[0].provenance = .report
        var retired = RetiredRecords()
        retired.organisations = [
            Organisation(id: "old-charity", name: "Old charity", kind: .voluntary, district: .leeds, provenance: .illustrative)
        ]
        retired.contacts = [
            Contact(id: "old-contact", name: "Former Person", role: "Was here", organisation: "old-charity", email: "", phone: "")
        ]
        var projects = Array(dataset.projects)
        projects[0].riskReason = "a reason,\twith \"quotes\"\nand a new line"
        projects[0].riskOwner = dataset.contacts[0].id
        projects[0].reviewDate = "2027-02-28"
        projects[0].provenance = .illustrative
        projects[1].tags = ["NULL", "{x}", "a,b", ""]
        retired.projects = [
            Project(
                id: "old-project", title: "Old project", theme: "communities", status: .closed, lead: "old-charity", districts: [.leeds],
                start: "2019-04-01", end: "2020-03-31", contacts: ["old-contact"], provenance: .report)
        ]
        var funding = dataset.funding
        funding[0].provenance = .report
        funding[0].allocations[0].spent = 1_000
        funding[0].allocations[0].spentByQuarter = [100, 200, 300, 400]
        funding[0].allocations[0].provenance = .illustrative
        funding[0].retiredAllocations = [Allocation(project: projects[2].id, amount: 5, year: funding[0].years[0])]
        retired.funding = [
            FundingStream(id: "old-fund", name: "Old fund", funder: "old-charity", years: ["2019/20"], total: 0, allocations: [])
        ]
        let directory = TestDatabase.scratchPath("optional")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let files = DatasetWriter.files(
            themes: dataset.themes, organisations: organisations, contacts: dataset.contacts, projects: projects, funding: funding,
            retired: retired)
        for file in files { try Data(file.text.utf8).write(to: URL(fileURLWithPath: directory + "/" + file.name)) }
        // It must be a directory Caseboard accepts, or the round trip proves nothing.
        let loaded = try DatasetLoader.load(directory: directory)
        precondition(loaded.retired.projects.count == 1 && loaded.funding[0].retiredAllocations.count == 1)
        return directory
    }
}
