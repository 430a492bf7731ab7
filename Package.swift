// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Caseboard",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "caseboard", targets: ["caseboard"]),
        .library(name: "CaseboardKit", targets: ["CaseboardKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-system", exact: "1.8.1"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", exact: "1.19.7"),
    ],
    targets: [
        .target(name: "CaseboardKit", dependencies: [.product(name: "SystemPackage", package: "swift-system")]),
        .target(name: "TerminalKit"),
        // The only module that sees ncurses.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "TerminalNcurses", dependencies: ["TerminalKit", "CNcursesw"]),
        .target(name: "CaseboardTUI", dependencies: ["CaseboardKit", "TerminalKit"]),
        .executableTarget(
            name: "caseboard",
            dependencies: [
                "CaseboardKit", "CaseboardTUI", "TerminalKit", "TerminalNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            // The West Yorkshire sample (Sample is a link to Fixtures/west-yorkshire), compiled into the
            // binary so a first run can install it wherever the executable lives.
            resources: ["themes", "partners", "contacts", "projects", "funding"].map { .embedInCode("Sample/\($0).json") }
        ),
        // Times loading, keystrokes, replay and saves in-process: see scripts/bench and docs/performance.md.
        .executableTarget(name: "caseboard-bench", dependencies: ["CaseboardKit", "CaseboardTUI", "TerminalKit"]),
        .testTarget(name: "CaseboardKitTests", dependencies: ["CaseboardKit"], resources: [.copy("Broken")]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"]),
        .testTarget(
            name: "CaseboardTUITests",
            dependencies: [
                "CaseboardTUI", "CaseboardKit", "TerminalKit",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(name: "CaseboardEndToEndTests", dependencies: ["caseboard", "CaseboardKit"]),
    ],
    swiftLanguageModes: [.v6]
)
