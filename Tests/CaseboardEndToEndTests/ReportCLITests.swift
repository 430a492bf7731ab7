import CaseboardKit
import Foundation
import Testing

/// `caseboard report funding`, run as the real binary. Figures are added up by hand from the sample's
/// funding.json and projects.json.
@Suite struct ReportCLITests {
    let fixtures = Spawn.fixtures
    let eiyf = "eiyf-2018-20"

    func report(_ arguments: String..., language: String = "C.UTF-8") -> Spawn.Result {
        Spawn.run(
            [Spawn.caseboard, "report", "funding", "--data", fixtures] + arguments, environment: ["LANG": language],
            unsetting: ["LC_ALL", "LC_CTYPE"])
    }

    @Test func tableShowsTheYouthFundWithBars() {
        let result = report("--stream", eiyf)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let early = lines.first { $0.hasPrefix("Early intervention") } ?? ""
        #expect(early.contains("£787,500") && early.contains("█"), "\(result.stdout)")
        #expect(lines.first { $0.hasPrefix("Tackling county lines") }?.contains("£85,000") == true)
        let total = lines.first { $0.hasPrefix("Total") } ?? ""
        #expect(total.contains("£872,500") && total.contains("£248,895") && total.contains("£1,121,395"), "\(total)")
        #expect(result.stdout.contains("No allocation here reports spend yet"))
        for line in lines { #expect(!line.hasSuffix(" "), "trailing space: \(line)") }
    }

    @Test func barsAreASCIIWithoutAUTF8LocaleOrWithTheFlag() {
        for result in [report("--stream", eiyf, language: "C"), report("--stream", eiyf, "--ascii")] {
            #expect(result.status == 0)
            #expect(!result.stdout.contains("█") && !result.stdout.contains("─"))
            #expect(result.stdout.split(separator: "\n").contains { $0.hasPrefix("Early intervention") && $0.hasSuffix("#") })
        }
    }

    /// csv rows as (kind, key, pence columns), checking each pounds column against its pence column.
    func csvRows(_ text: String) -> [(kind: String, key: String, allocated: Int64, unallocated: Int64, total: Int64)] {
        let rows = CSVReading.rows(text)
        guard let header = rows.first else { return [] }
        func column(_ name: String) -> Int { header.firstIndex(of: name) ?? 0 }
        return rows.dropFirst().map { row in
            for name in ["allocated", "unallocated", "total"] {
                let pence = Int64(row[column(name + "_pence")]) ?? -1
                #expect(Money.parsePounds(row[column(name + "_gbp")]) == pence, "\(row)")
            }
            return (
                row[column("kind")], row[column("key")], Int64(row[column("allocated_pence")]) ?? -1,
                Int64(row[column("unallocated_pence")]) ?? -1, Int64(row[column("total_pence")]) ?? -1
            )
        }
    }

    @Test func csvParsesBackAndAddsUpForEveryBreakdown() {
        for by in FundingDimension.allCases {
            for selection in [[], ["--stream", eiyf], ["--year", "2021/22"]] {
                let result = Spawn.run(
                    [Spawn.caseboard, "report", "funding", "--data", fixtures, "--by", by.rawValue, "--format", "csv"] + selection)
                #expect(result.status == 0, "\(result.stderr)")
                let rows = csvRows(result.stdout)
                let body = rows.filter { $0.kind != "total" }
                guard let total = rows.last, total.kind == "total" else {
                    Issue.record("no total row: \(result.stdout)")
                    continue
                }
                #expect(body.map(\.allocated).reduce(0, +) == total.allocated, "\(by) \(selection)")
                #expect(body.map(\.unallocated).reduce(0, +) == total.unallocated, "\(by) \(selection)")
                #expect(body.map(\.total).reduce(0, +) == total.total, "\(by) \(selection)")
                let expected: Int64 =
                    switch selection.first {
                    case nil: 1_838_726_100
                    case "--stream": 112_139_500
                    default: 337_000_000
                    }
                #expect(total.total == expected, "\(by) \(selection)")
                if selection.isEmpty { #expect(total.allocated == 1_112_750_000) }
            }
        }
        let byTheme = csvRows(report("--format", "csv").stdout)
        #expect(byTheme.first { $0.key == "early-intervention" }?.allocated == 654_250_000)
    }

    @Test func markdownParsesBackToTheSameNumbers() {
        for by in FundingDimension.allCases {
            let result = report("--by", by.rawValue, "--format", "md")
            #expect(result.status == 0, "\(result.stderr)")
            let table = result.stdout.split(separator: "\n").filter { $0.hasPrefix("| ") }.map { line in
                line.dropFirst(2).dropLast(2).components(separatedBy: " | ").map { $0.replacingOccurrences(of: "**", with: "") }
            }
            #expect(
                table.first?.prefix(4) == [
                    "\(by.rawValue.prefix(1).uppercased())\(by.rawValue.dropFirst())", "Allocated", "Unallocated", "Total",
                ])
            let rows = table.dropFirst(2)
            guard let total = rows.last, total.first == "Total" else {
                Issue.record("no total row: \(result.stdout)")
                continue
            }
            for column in 1...3 {
                let sum = rows.dropLast().compactMap { Money.parsePounds($0[column]) }.reduce(0, +)
                #expect(rows.dropLast().allSatisfy { Money.parsePounds($0[column]) != nil })
                #expect(Money.parsePounds(total[column]) == sum, "\(by) column \(column)")
            }
            #expect(total[3] == "£18,387,261" && total[1] == "£11,127,500", "\(by)")
        }
    }

    @Test func jsonCarriesPence() throws {
        let result = report("--by", "stream", "--stream", "vru-grant-2021-22", "--format", "json")
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        let total = object["total"] as? [String: Any] ?? [:]
        #expect(total["total_pence"] as? Int == 337_000_000)
        #expect(total["allocated_pence"] as? Int == 227_500_000)
    }

    @Test func districtRuleIsStatedInTheFooterAndTheHelp() {
        let result = report("--by", "district")
        #expect(result.stdout.contains("Several districts  "))
        #expect(result.stdout.contains("never split between them"))
        let help = Spawn.run([Spawn.caseboard, "report", "funding", "--help"]).stdout
        let words = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("never split between them"), "\(help)")
        #expect(words.contains("unspent is allocated money not yet spent, never the same as unallocated"), "\(help)")
    }

    @Test func unknownValuesExit64NamingTheValidOnes() {
        let by = report("--by", "colour")
        #expect(by.status == 64)
        #expect(by.stderr.contains("theme") && by.stderr.contains("district") && by.stderr.contains("stream"), "\(by.stderr)")
        let stream = report("--stream", "nope")
        #expect(stream.status == 64)
        #expect(stream.stderr.contains("eiyf-2018-20") && stream.stderr.contains("grip-2023-24"), "\(stream.stderr)")
        let year = report("--year", "2031/32")
        #expect(year.status == 64)
        #expect(year.stderr.contains("2018/19") && year.stderr.contains("2023/24"), "\(year.stderr)")
        #expect(stream.stdout.isEmpty && year.stdout.isEmpty)
    }

    @Test func hostileNamesStayInTheirCells() throws {
        let data = try Spawn.sampleCopy()
        defer { try? FileManager.default.removeItem(atPath: data) }
        let path = data + "/funding.json"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\"Partnership Executive Group fund\"", with: #""=PEG | fund\u001b[2J""#)
            .write(toFile: path, atomically: true, encoding: .utf8)
        func run(_ format: String) -> Spawn.Result {
            Spawn.run([Spawn.caseboard, "report", "funding", "--data", data, "--by", "stream", "--format", format])
        }
        for format in ["table", "md"] {
            let result = run(format)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stdout.contains("\u{1b}"), "\(format)")
        }
        let markdown = run("md").stdout.split(separator: "\n").first { $0.contains("PEG") } ?? ""
        #expect(markdown.contains(#"\|"#))
        #expect(markdown.replacingOccurrences(of: #"\|"#, with: "").split(separator: "|").count == 4, "\(markdown)")
        let csv = CSVReading.rows(run("csv").stdout).first { $0.count > 2 && $0[2].contains("PEG") }
        #expect(csv?[2].hasPrefix("'=") == true, "\(String(describing: csv))")
    }
}
