// swift-tools-version:6.2
import PackageDescription

/// Settings shared by every target: strict, explicit code.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "StructPack",
    platforms: [
        // Int128 and the standard library's span types need these on Apple platforms.
        .macOS(.v15), .iOS(.v18), .tvOS(.v18), .watchOS(.v11), .visionOS(.v2),
    ],
    products: [
        .library(name: "StructPack", targets: ["StructPack"]),
        .library(name: "StreamFramer", targets: ["StreamFramer"]),
        .executable(name: "structpack", targets: ["StructPackCLI"]),
        .executable(name: "framed-echo", targets: ["FramedEcho"]),
    ],
    targets: [
        .target(
            name: "StructPack",
            swiftSettings: strictSettings
        ),
        // Everything the `structpack` tool does apart from touching the process: literal and hex
        // parsing, Python reprs, commands (`frames` frames with StreamFramer). A plain target so
        // fuzz harnesses can link it.
        .target(
            name: "StructPackCLICore",
            dependencies: ["StructPack", "StreamFramer"],
            swiftSettings: strictSettings
        ),
        // The `structpack` executable: a thin `main` over StructPackCLICore. (The target is not
        // named `structpack`, which would collide with `StructPack` on case-insensitive disks.)
        .executableTarget(
            name: "StructPackCLI",
            dependencies: ["StructPackCLICore"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "StreamFramer",
            dependencies: ["StructPack"],
            swiftSettings: strictSettings
        ),
        // Custom framings written with StreamFramer's public API only, as an application would:
        // HTTP/2 frames, MQTT packets and WebSocket frames (tested examples of the FrameCutter protocol).
        .target(
            name: "FramingExamples",
            dependencies: ["StreamFramer"],
            swiftSettings: strictSettings
        ),
        // The framed-echo server's sockets and event loop, as a library so tests can reach it.
        .target(
            name: "EchoServer",
            dependencies: ["StreamFramer", "StructPack"],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "FramedEcho",
            dependencies: ["EchoServer", "StreamFramer"],
            swiftSettings: strictSettings
        ),
        // What the test targets share: the seeded random generator and the CPython 3.13 oracle.
        .target(
            name: "TestSupport",
            path: "Tests/TestSupport",
            swiftSettings: strictSettings
        ),
        // The fuzz targets' checks that `swift test` replays Fuzz/FailCases through (the fuzzers
        // themselves are built by Fuzz/run.sh, not by SwiftPM).
        .target(
            name: "FuzzChecks",
            dependencies: ["StructPack", "StreamFramer"],
            path: "Fuzz",
            exclude: [
                "Corpus", "Dictionaries", "FailCases", "README.md", "run.sh",
                "Support/FormatBuilder.swift", "Support/FramingBuilder.swift", "Support/FuzzInput.swift",
                "Targets/FuzzFormat/FuzzFormat.swift", "Targets/FuzzRoundTrip", "Targets/FuzzFramerSplit",
                "Targets/FuzzEncoderRoundTrip", "Targets/FuzzCLIParsers",
            ],
            sources: ["Support/Invariant.swift", "Support/ReferenceFormat.swift", "Targets/FuzzFormat/FormatCheck.swift"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StructPackTests",
            dependencies: ["StructPack", "TestSupport", "FuzzChecks"],
            exclude: ["Vectors"],
            swiftSettings: strictSettings
        ),
        // Depends on the executable so `swift test` builds `structpack` next to the test bundle.
        .testTarget(
            name: "StructPackCLITests",
            dependencies: ["StructPackCLICore", "StructPackCLI", "StructPack", "TestSupport"],
            exclude: ["Differential/cli_oracle.py", "EndToEnd/generate_contract_cases.py", "Dumps"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StreamFramerTests",
            dependencies: ["StreamFramer", "StructPack", "TestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FramingExamplesTests",
            dependencies: ["FramingExamples", "StreamFramer"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FramedEchoTests",
            dependencies: ["EchoServer", "FramedEcho", "StreamFramer", "StructPack", "TestSupport"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
