// swift-tools-version:6.2
// Timing harness for StreamFramer, kept out of the main package so it adds no product and
// `swift test` never runs it. Build and run with:
//   swift run -c release --package-path Benchmarks FramerBenchmarks
import Foundation
import PackageDescription

/// A path dependency's identity is its directory's name, whatever the clone is called.
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "StreamFramerBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [.package(path: "../")],
    targets: [
        // Counts malloc-family calls by interposing them (Linux/glibc; reports nothing elsewhere).
        .target(name: "AllocationCounter"),
        .executableTarget(
            name: "FramerBenchmarks",
            dependencies: [
                "AllocationCounter",
                .product(name: "StreamFramer", package: root),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
