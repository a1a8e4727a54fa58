// swift-tools-version:6.0
import Foundation
import PackageDescription

let package = Package(
    name: "PanelPlan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "panelplan", targets: ["panelplan"]),
        .library(name: "GLPK", targets: ["GLPK"]),
        .library(name: "PanelModel", targets: ["PanelModel"]),
        .library(name: "Planner", targets: ["Planner"]),
        .library(name: "FuzzHarness", targets: ["FuzzHarness"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // GLPK 5 from Debian's libglpk-dev; Debian ships no glpk.pc.
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        // The C shim: every GLPK call that can fail runs under a setjmp guard here.
        .target(name: "_CGLPKShim", dependencies: ["CGLPK"], linkerSettings: [.linkedLibrary("glpk")]),
        .target(name: "GLPK", dependencies: ["_CGLPKShim"]),
        // SHA-256 from OpenSSL's libcrypto (Debian's libssl-dev), for the verifiable random draw.
        .systemLibrary(name: "COpenSSLCrypto", providers: [.apt(["libssl-dev"])]),
        .target(name: "Digest", dependencies: ["COpenSSLCrypto"]),
        // .xlsx workbooks through Debian's libxlsxwriter (libxlsxwriter-dev).
        .systemLibrary(name: "CXlsxWriter", providers: [.apt(["libxlsxwriter-dev"])]),
        .target(name: "Workbook", dependencies: ["CXlsxWriter"]),
        // .xlsx workbooks read as text tables: ZIPFoundation for the archive, XMLParser for the parts.
        .target(name: "XLSXReader", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(
            name: "PanelModel",
            dependencies: [
                "TOMLSubset", "XLSXReader", "TextFormats", "Phrasebook",
                .product(name: "CSV", package: "CSV.swift"),
            ],
            resources: [.copy("Resources/cn-official-days.csv"), .copy("Resources/shenzhen-districts.csv")]
        ),
        // The subset of TOML that batch.toml and scenario files use (docs/toml-subset.md): a parser
        // that never traps, whatever the bytes.
        .target(name: "TOMLSubset", dependencies: ["Phrasebook"]),
        // Escaping for the JSON, CSV and HTML the project writes by hand.
        .target(name: "TextFormats"),
        // The one zh/en string table, and sentences built from its phrases.
        .target(name: "Phrasebook"),
        .target(name: "Workflow", dependencies: ["PanelModel", "Phrasebook"]),
        // The plan and its result codes, below the planner: readers of plans need no solver.
        .target(name: "PlanModel", dependencies: ["PanelModel", "Phrasebook"]),
        .target(name: "BatchGenerator", dependencies: ["PanelModel", "TextFormats"]),
        .target(name: "Planner", dependencies: ["PanelModel", "PlanModel", "Phrasebook", "Workflow", "GLPK"]),
        .target(
            name: "Reports",
            dependencies: ["PanelModel", "PlanModel", "Phrasebook", "Workflow", "TextFormats", "Workbook"]
        ),
        .target(
            name: "WhatIf",
            dependencies: [
                "PanelModel", "PlanModel", "Phrasebook", "Workflow", "Planner", "Reports", "TextFormats", "GLPK",
                "TOMLSubset",
            ]
        ),
        // The nightly job: reference, history, freeze, store, lock; a typed outcome for the CLI.
        .target(
            name: "NightlyJob",
            dependencies: [
                "PanelModel", "PlanModel", "Phrasebook", "Planner", "PlanStore", "Reports",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Every reader of outside bytes behind one entry point, for the fuzzers (Fuzz/, make fuzz).
        .target(
            name: "FuzzHarness",
            dependencies: ["PanelModel", "Phrasebook", "Reports", "TOMLSubset", "WhatIf", "XLSXReader"]
        ),
        .target(
            name: "PlanStore",
            dependencies: ["PanelModel", "PlanModel", "Phrasebook", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "PanelPlanCLI",
            dependencies: [
                "PanelModel", "PlanModel", "Phrasebook", "Workflow", "Planner", "Reports", "BatchGenerator",
                "PlanStore", "WhatIf", "TextFormats", "NightlyJob", "Digest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "panelplan", dependencies: ["PanelPlanCLI"]),
        .testTarget(name: "GLPKTests", dependencies: ["GLPK"]),
        .testTarget(name: "DigestTests", dependencies: ["Digest"]),
        .testTarget(name: "WorkbookTests", dependencies: ["Workbook", "XLSXReader"]),
        .testTarget(name: "TextFormatsTests", dependencies: ["TextFormats"]),
        .testTarget(name: "TOMLSubsetTests", dependencies: ["TOMLSubset", "Phrasebook"]),
        .testTarget(name: "FuzzTests", dependencies: ["FuzzHarness", "PanelModel"], exclude: ["corpus"]),
        .testTarget(
            name: "PanelModelTests", dependencies: ["PanelModel", "Phrasebook", "Workflow"], exclude: ["Fixtures"]),
        .testTarget(
            name: "PlannerTests",
            dependencies: [
                "PanelModel", "PlanModel", "Phrasebook", "Workflow", "Planner", "Reports", "BatchGenerator",
                "PlanStore", "WhatIf", "TextFormats", "Digest", "NightlyJob",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// `make fuzz` only: the libFuzzer target over every reader of outside bytes. It needs libFuzzer's
// driver, so the target exists only when PANELPLAN_FUZZ is set and is built with
// -sanitize=fuzzer (see the Makefile).
if ProcessInfo.processInfo.environment["PANELPLAN_FUZZ"] != nil {
    package.targets.append(
        .executableTarget(
            name: "FuzzLoader",
            dependencies: ["FuzzHarness"],
            path: "Fuzz/FuzzLoader"
        )
    )
    package.products.append(.executable(name: "FuzzLoader", targets: ["FuzzLoader"]))
}
