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
        .package(url: "https://github.com/pointfreeco/swift-custom-dump", exact: "1.7.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/CoreOffice/XMLCoder", exact: "0.18.2"),
    ],
    targets: [
        .target(name: "CaseboardKit", dependencies: [.product(name: "SystemPackage", package: "swift-system")]),
        .target(name: "TerminalKit"),
        // Writes and reads .xlsx workbooks: the only module that sees ZIPFoundation and XMLCoder.
        .target(
            name: "CaseboardXLSX",
            dependencies: [
                .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "XMLCoder", package: "XMLCoder"),
            ]),
        // The only module that sees ncurses.
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        .target(name: "TerminalNcurses", dependencies: ["TerminalKit", "CNcursesw"]),
        // The only module that sees libpq: a data set in a PostgreSQL database (db init, push, pull, status).
        .systemLibrary(name: "CLibpq", path: "Sources/CLibpq"),
        .target(name: "CaseboardPostgres", dependencies: ["CaseboardKit", "CLibpq"]),
        .target(name: "CaseboardTUI", dependencies: ["CaseboardKit", "TerminalKit"]),
        // The user's settings file (keys, saved views, dates, colours): the only module that sees TOML.
        .target(name: "CaseboardConfig", dependencies: ["CaseboardTUI", "CaseboardKit", "TerminalKit", "TOMLKit"]),
        .executableTarget(
            name: "caseboard",
            dependencies: [
                "CaseboardKit", "CaseboardTUI", "CaseboardConfig", "CaseboardXLSX", "CaseboardPostgres", "TerminalKit", "TerminalNcurses",
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
        // Runs a throwaway PostgreSQL server (initdb, pg_ctl) on a Unix socket: see ThrowawayServer.swift.
        .testTarget(name: "CaseboardPostgresTests", dependencies: ["caseboard", "CaseboardPostgres", "CaseboardKit"]),
        .testTarget(
            name: "CaseboardTUITests",
            dependencies: [
                "CaseboardTUI", "CaseboardKit", "TerminalKit",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
                .product(name: "CustomDump", package: "swift-custom-dump"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(name: "CaseboardConfigTests", dependencies: ["CaseboardConfig", "CaseboardTUI", "CaseboardKit", "TerminalKit"]),
        .testTarget(
            name: "CaseboardXLSXTests",
            dependencies: ["CaseboardXLSX", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(
            name: "CaseboardEndToEndTests",
            dependencies: ["caseboard", "CaseboardKit", "CaseboardXLSX", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
