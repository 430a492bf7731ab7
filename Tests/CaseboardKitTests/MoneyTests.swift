import Testing

@testable import CaseboardKit

@Suite struct MoneyTests {
    @Test(arguments: [
        (Pence(112_139_500), "£1,121,395"), (337_000_000, "£3,370,000"), (1_250, "£12.50"), (5, "£0.05"), (0, "£0"),
        (-150_000, "-£1,500"),
    ])
    func formatsWholeAmounts(pence: Pence, text: String) {
        #expect(Money.format(pence) == text)
    }

    @Test(arguments: [
        (Pence(337_000_000), "£3.37m"), (112_139_500, "£1.12m"), (85_000_000, "£850k"), (1_250_000, "£12.5k"),
        (95_000, "£950"), (586_380_300, "£5.86m"), (100_000_000, "£1m"),
    ])
    func formatsCompactAmounts(pence: Pence, text: String) {
        #expect(Money.compact(pence) == text)
    }

    @Test func parsesPounds() {
        #expect(Money.parsePounds("£1,121,395") == 112_139_500)
        #expect(Money.parsePounds("12.50") == 1_250)
        #expect(Money.parsePounds("12.5") == nil)
        #expect(Money.parsePounds("-3") == nil)
    }

    @Test func financialYears() {
        #expect(FinancialYear.isValid("2021/22"))
        #expect(FinancialYear.isValid("1999/00"))
        #expect(!FinancialYear.isValid("2021/23"))
        #expect(FinancialYear.containing("2021-03-31") == "2020/21")
        #expect(FinancialYear.containing("2021-04-01") == "2021/22")
        #expect(CalendarDate.isValid("2024-02-29"))
        #expect(!CalendarDate.isValid("2023-02-29"))
        #expect(!CalendarDate.isValid("2023-2-1"))
    }

    @Test func statusRulesLiveInOnePlace() {
        #expect(ProjectStatus.active.canMove(to: .atRisk))
        #expect(!ProjectStatus.closed.canMove(to: .active))
        #expect(
            ProjectStatus.proposed.refusal(movingTo: .completed)
                == "a project cannot move from proposed to completed; from proposed it can move to approved, closed")
        #expect(ProjectStatus.closed.refusal(movingTo: .active) == "a closed project cannot change status")
        #expect(ProjectStatus.active.refusal(movingTo: .active) == "the project is already active")
        for status in ProjectStatus.allCases { #expect(!status.allowedNext.contains(status)) }
    }
}
