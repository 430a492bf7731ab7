import CaseboardKit
import Foundation

func now() -> Double { Date().timeIntervalSince1970 }

let dir = CommandLine.arguments[1]
let dataset = try! DatasetLoader.load(directory: dir)
for _ in 0..<3 {
    let t = now()
    _ = TitleRanks.compute(dataset.projects)
    print("title ranks", (now() - t) * 1000)
}
