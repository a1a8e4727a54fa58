// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "PanelPlan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "panelplan", targets: ["panelplan"]),
        .library(name: "GLPK", targets: ["GLPK"]),
        .library(name: "PanelModel", targets: ["PanelModel"]),
        .library(name: "Planner", targets: ["Planner"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        // GLPK 5 from Debian's libglpk-dev; Debian ships no glpk.pc.
        .systemLibrary(name: "CGLPK", providers: [.apt(["libglpk-dev"])]),
        // The C shim: every GLPK call that can fail runs under a setjmp guard here.
        .target(name: "_CGLPKShim", dependencies: ["CGLPK"], linkerSettings: [.linkedLibrary("glpk")]),
        .target(name: "GLPK", dependencies: ["_CGLPKShim"]),
        .target(
            name: "PanelModel",
            dependencies: [
                "TOMLKit",
                .product(name: "CSV", package: "CSV.swift"),
            ],
            resources: [.copy("Resources/cn-official-days.csv"), .copy("Resources/shenzhen-districts.csv")]
        ),
        .target(name: "Workflow", dependencies: ["PanelModel"]),
        .target(name: "BatchGenerator", dependencies: ["PanelModel"]),
        .target(name: "Planner", dependencies: ["PanelModel", "Workflow", "GLPK"]),
        .target(name: "Reports", dependencies: ["PanelModel", "Workflow", "Planner"]),
        .target(name: "WhatIf", dependencies: ["PanelModel", "Workflow", "Planner", "Reports", "GLPK", "TOMLKit"]),
        .target(
            name: "PlanStore",
            dependencies: ["PanelModel", "Planner", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "PanelPlanCLI",
            dependencies: [
                "PanelModel", "Workflow", "Planner", "Reports", "BatchGenerator", "PlanStore", "WhatIf",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "panelplan", dependencies: ["PanelPlanCLI"]),
        .testTarget(name: "GLPKTests", dependencies: ["GLPK"]),
        .testTarget(name: "PanelModelTests", dependencies: ["PanelModel", "Workflow"], exclude: ["Fixtures"]),
        .testTarget(
            name: "PlannerTests",
            dependencies: ["PanelModel", "Workflow", "Planner", "Reports", "BatchGenerator", "PlanStore", "WhatIf"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
