import Foundation
import Testing

/// `caseboard report funding --format xlsx`, run as the real binary and read back with `Workbook`. Figures
/// are added up by hand from the sample's funding.json: £18,387,261 across the seven streams.
@Suite struct ReportWorkbookTests {
    let fixtures = Spawn.fixtures
    static let breakdowns = ["theme", "district", "funder", "year", "stream"]

    func scratch() -> String { NSTemporaryDirectory() + "caseboard-report-\(UUID().uuidString).xlsx" }

    /// Pounds as written in a cell, back to whole pence.
    func pence(_ cell: Workbook.Cell?) -> Int64? {
        guard let cell, cell.type == nil, let pounds = Double(cell.text) else { return nil }
        return Int64((pounds * 100).rounded())
    }

    @Test func everyBreakdownIsASheetOfPoundsThatAddUp() throws {
        let out = scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = Spawn.run([Spawn.caseboard, "report", "funding", "--data", fixtures, "--format", "xlsx", "--output", out])
        #expect(result.status == 0, "\(result.stderr)")
        let workbook = try Workbook(path: out)
        #expect(workbook.sheetNames == Self.breakdowns)

        let streams = try workbook.records("stream")
        let youthFund = try #require(streams.first { $0["Stream"]?.text == "Early Intervention Youth Fund" })
        #expect(pence(youthFund["Total"]) == 112_139_500)
        #expect(pence(youthFund["Allocated"]) == 87_250_000)
        #expect(pence(youthFund["Unallocated"]) == 24_889_500)
        #expect(youthFund["ID"]?.text == "eiyf-2018-20")
        let grant = try #require(streams.first { $0["Stream"]?.text == "Violence Reduction Unit grant 2021/22" })
        #expect(pence(grant["Total"]) == 337_000_000)
        #expect(workbook.format(of: try #require(grant["Total"])) == "£#,##0.00")

        for name in Self.breakdowns {
            let records = try workbook.records(name)
            let heading = name.prefix(1).uppercased() + name.dropFirst()
            let totalIndex = try #require(records.firstIndex { $0[heading]?.text == "Total" }, "\(name)")
            let items = records[..<totalIndex]
            let total = records[totalIndex]
            #expect(pence(total["Total"]) == 1_838_726_100, "\(name)")
            #expect(pence(total["Allocated"]) == 1_112_750_000, "\(name)")
            // The rows add up to the Total row, to the penny, in every money column.
            for column in ["Allocated", "Unallocated", "Total"] {
                let cells = items.map { pence($0[column]) }
                #expect(!cells.contains(nil), "\(name) \(column)")
                #expect(cells.compactMap { $0 }.reduce(0, +) == pence(total[column]), "\(name) \(column)")
            }
            // The notes on how the money was counted follow, as text.
            #expect(records[(totalIndex + 1)...].contains { $0[heading]?.text.hasPrefix("No allocation here reports spend yet") == true })
        }

        let districts = try workbook.records("district")
        #expect(pence(districts.first { $0["District"]?.text == "West Yorkshire-wide" }?["Total"]) == 657_500_000)
        // Secondary themes are beside the totals, never in them.
        let themes = try workbook.records("theme")
        let early = try #require(themes.first { $0["ID"]?.text == "early-intervention" })
        #expect(pence(early["Total"]) == 654_250_000)
        #expect(pence(early["Also tagged"]) == 14_000_000)
        #expect(themes.first { $0["Theme"]?.text == "Total" }?["Also tagged"] == nil)
        #expect(!workbook.hasFormula)
    }

    @Test func byGivesOneSheetAndTheSelectionNarrowsIt() throws {
        let out = scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = Spawn.run([
            Spawn.caseboard, "report", "funding", "--data", fixtures, "--by", "stream", "--year", "2021/22", "--format", "xlsx", "--out",
            out,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let workbook = try Workbook(path: out)
        #expect(workbook.sheetNames == ["stream"])
        let records = try workbook.records("stream")
        #expect(records.first?["ID"]?.text == "vru-grant-2021-22")
        #expect(pence(records.first { $0["Stream"]?.text == "Total" }?["Total"]) == 337_000_000)
    }

    @Test func aWorkbookGoesToAFileOrARedirectButNeverTheTerminal() throws {
        let out = scratch()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let redirected = Spawn.run([
            "/bin/sh", "-c", "\"$0\" report funding --data \"$1\" --by funder --format xlsx > \"$2\"", Spawn.caseboard, fixtures, out,
        ])
        #expect(redirected.status == 0, "\(redirected.stderr)")
        #expect(try Workbook(path: out).records("funder").first?["ID"]?.text == "home-office")

        let terminal = Spawn.runOnTerminal([Spawn.caseboard, "report", "funding", "--data", fixtures, "--format", "xlsx"])
        #expect(terminal.status == 64)
        #expect(terminal.stdout.contains("not for the terminal") && terminal.stdout.contains("--output funding.xlsx"), "\(terminal.stdout)")
        #expect(!terminal.stdout.contains("PK"))
    }

    @Test func textFormatsGoToTheOutputFileAsTheyWouldToAPipe() throws {
        let out = scratch() + ".csv"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let arguments = [Spawn.caseboard, "report", "funding", "--data", fixtures, "--by", "district", "--format", "csv"]
        let written = Spawn.run(arguments + ["--output", out])
        #expect(written.status == 0 && written.stdout.isEmpty, "\(written.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == Spawn.run(arguments).stdout)
        #expect(Spawn.run(arguments + ["--output", "-"]).stdout == Spawn.run(arguments).stdout)
    }
}
