import Testing

@testable import CaseboardKit

/// Values as a UK user types them, in forms, on the command line and in spreadsheets.
@Suite struct FieldInputTests {
    @Test func datesInTheFormsPeopleWriteThem() {
        for text in ["2022-03-31", "31/03/2022", "31/3/2022", "31-03-2022", "31.03.2022", "31 March 2022", "31 Mar 2022", "31 march 2022"] {
            #expect(FieldInput.date(text) == "2022-03-31", "\(text)")
        }
        // Month first, two-digit years and impossible days are refused, never guessed.
        for text in ["03/31/2022", "31/03/22", "31 Foo 2022", "30/02/2022", "2022/03/31", ""] {
            #expect(FieldInput.date(text) == nil, "\(text)")
        }
    }

    @Test func amountsInPoundsBecomePence() {
        #expect(FieldInput.money("£1,121,395") == 112_139_500)
        #expect(FieldInput.money("1121395.00") == 112_139_500)
        #expect(FieldInput.money("1,250.5") == 125_050)
        #expect(FieldInput.money("£ 950") == 95_000)
        for text in ["£3.37m", "-5", "1,12,395", "12.345", "1.2.3", "abc", "£"] {
            #expect(FieldInput.money(text) == nil, "\(text)")
        }
    }

    @Test func financialYearsInTheirUsualSpellings() {
        for text in ["2021/22", "2021-22", "2021/2022", "FY2021-22", "2021 - 2022"] {
            #expect(FieldInput.financialYear(text) == "2021/22", "\(text)")
        }
        #expect(FieldInput.financialYear("1999/00") == "1999/00")
        for text in ["2021/23", "2021", "21/22", "2021/2023"] { #expect(FieldInput.financialYear(text) == nil, "\(text)") }
    }

    @Test func referencesByIdOrNameInAnyCase() throws {
        let dataset = try DatasetLoader.load(directory: MiniData.directory())
        let lead = RecordKind.project.field("lead")!
        #expect(FieldInput.parse("west yorkshire police", lead, in: dataset) == .success(.text("wyp")))
        #expect(FieldInput.parse("wyp", lead, in: dataset) == .success(.text("wyp")))
        guard case .failure(let error) = FieldInput.parse("Leeds Council", lead, in: dataset) else {
            Issue.record("an unknown organisation was accepted")
            return
        }
        #expect(error.message.contains("Leeds Council"))
        let districts = RecordKind.project.field("districts")!
        #expect(FieldInput.parse("Kirklees; LEEDS", districts, in: dataset) == .success(.list(["kirklees", "leeds"])))
        #expect(FieldInput.parse("West Yorkshire-wide", districts, in: dataset) == .success(.list(["west-yorkshire"])))
        let theme = RecordKind.project.field("theme")!
        #expect(FieldInput.parse("Early intervention and prevention", theme, in: dataset) == .success(.text("early-intervention")))
        let total = RecordKind.stream.field("total_pence")!
        #expect(FieldInput.parse("£1,121,395", total, in: dataset) == .success(.pence(112_139_500)))
        #expect(FieldInput.parse("  ", total, in: dataset) == .failure(FieldError("Total is required")))
    }
}
