import Testing

@testable import CaseboardKit

/// A name that matches no record says which come close; one that several records share asks for the id.
@Suite struct FieldInputReferenceTests {
    let lead = RecordKind.project.field("lead")!

    @Test func anUnknownNameListsTheCloseOnes() throws {
        let dataset = try DatasetLoader.load(directory: try MiniData.directory())
        #expect(
            FieldInput.parse("Kirklees YOTT", lead, in: dataset)
                == .failure(
                    FieldError("no partner organisation has the id or name \"Kirklees YOTT\"; close: \"Kirklees YOT\" (kirklees-yot)")))
        #expect(
            FieldInput.parse("Fire service", lead, in: dataset)
                == .failure(FieldError("no partner organisation has the id or name \"Fire service\"")))
        #expect(FieldInput.parse("KIRKLEES yot", lead, in: dataset) == .success(.text("kirklees-yot")))
    }

    @Test func aNameTwoRecordsShareIsNotGuessed() throws {
        let partners = """
            [
              {"id": "wyp", "name": "West Yorkshire Police", "kind": "police", "district": "west-yorkshire"},
              {"id": "kirklees-yot", "name": "Kirklees YOT", "kind": "youth-justice", "district": "kirklees"},
              {"id": "kirklees-yot-2", "name": "Kirklees YOT", "kind": "youth-justice", "district": "kirklees"},
              {"id": "home-office", "name": "Home Office", "kind": "government", "district": "west-yorkshire"}
            ]
            """
        let dataset = try DatasetLoader.load(directory: try MiniData.directory(["partners.json": partners]))
        #expect(
            FieldInput.parse("Kirklees YOT", lead, in: dataset)
                == .failure(FieldError("2 partner organisations are called \"Kirklees YOT\" (kirklees-yot, kirklees-yot-2); use the id")))
    }
}
