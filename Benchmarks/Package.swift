// swift-tools-version:6.2
// The benchmark package: StructPack and StreamFramer side by side with hand-written code and with
// the peers a Swift user would otherwise pick (swift-nio, swift-nio-extras; CPython through
// Scripts/cpython_struct.py). A separate package, so the library gains no dependency and
// `swift test` never runs a timing. See README.md for the one command that runs everything.
import Foundation
import PackageDescription

/// A path dependency's identity is its directory's name, whatever the clone is called.
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "StructPackBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(path: "../"),
        // The RuntimeInterposer trait (on by default) needs a package this machine does not have;
        // the malloc interposer is the one `mallocCountTotal` needs.
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
    ],
    targets: [
        // Deterministic inputs from fixed seeds, and the checksums every implementation folds.
        .target(name: "Workloads"),
        // Every implementation measured, one file per implementation family, and the catalogue
        // of (workload, implementation) cases shared by the timing suite and the verifier.
        .target(
            name: "Implementations",
            dependencies: [
                "Workloads",
                .product(name: "StructPack", package: root),
                .product(name: "StreamFramer", package: root),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
            ]
        ),
        // Runs every case once and checks that the checksums agree (the CI smoke run); writes
        // the inputs for the CPython script.
        .executableTarget(
            name: "bench-verify",
            dependencies: ["Implementations", "Workloads"]
        ),
        // The package-benchmark suite: throughput (wall clock per pass) and mallocCountTotal.
        .executableTarget(
            name: "StructPackBenchmarks",
            dependencies: [
                "Implementations", "Workloads",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/StructPackBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
