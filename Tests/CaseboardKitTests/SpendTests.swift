import Testing

@testable import CaseboardKit

/// Spend beside allocations: entered as an edit, counted in reports, never confused with unallocated money.
@Suite struct SpendTests {
    @Test func spendIsCountedWithItsAllocationInEveryBreakdown() throws {
        let directory = try MiniData.directory()
        let store = try DataStore(directory: directory)
        #expect(try store.dataset.fundingReport(by: .theme).hasSpend == false)
        try store.save(
            [
                .set(.allocation, "eiyf/gangs/2018/19", "spent_pence", from: .none, to: .pence(1_250_000)),
                .set(
                    .allocation, "eiyf/gangs/2018/19", "spent_quarters_pence", from: .list([]),
                    to: .list(["250000", "500000", "500000", "0"])),
                .set(.allocation, "eiyf/sceptre/2019/20", "spent_pence", from: .none, to: .pence(2_500_000)),
            ], author: "alice")
        let dataset = try DataStore(directory: directory).dataset
        #expect(dataset.stream("eiyf")?.spent == 3_750_000)
        #expect(dataset.stream("eiyf")?.allocations.first?.spentByQuarter == [250_000, 500_000, 500_000, 0])
        let byTheme = try dataset.fundingReport(by: .theme)
        #expect(byTheme.hasSpend)
        let early = try #require(byTheme.rows.first { $0.key == "early-intervention" })
        #expect(early.allocated == 5_000_000)
        #expect(early.spent == 1_250_000)
        #expect(early.unspent == 3_750_000)
        #expect(byTheme.total.spent == 3_750_000)
        // Unallocated money is a separate thing: its row reports no spend.
        #expect(byTheme.rows.first { $0.kind == .unallocated }?.spent == 0)
        let byYear = try dataset.fundingReport(by: .year)
        #expect(byYear.rows.first { $0.key == "2019/20" }?.spent == 2_500_000)
        let only2018 = try dataset.fundingReport(by: .stream, FundingSelection(year: "2018/19"))
        #expect(only2018.total.spent == 1_250_000)
    }

    @Test func quartersMustAddUpToTheYearsSpend() throws {
        let store = try DataStore(directory: try MiniData.directory())
        do {
            try store.save(
                [
                    .set(.allocation, "eiyf/gangs/2018/19", "spent_pence", from: .none, to: .pence(1_000_000)),
                    .set(.allocation, "eiyf/gangs/2018/19", "spent_quarters_pence", from: .list([]), to: .list(["1", "2", "3", "4"])),
                ], author: "alice")
            Issue.record("quarters that do not add up were saved")
        } catch {
            #expect(error.message.contains("the quarters add up to £0.10, not the year's spend of £10,000"), "\(error.message)")
        }
    }
}
