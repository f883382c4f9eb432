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
        .executable(name: "framed-echo", targets: ["FramedEcho"]),
    ],
    targets: [
        .target(
            name: "StructPack",
            swiftSettings: strictSettings
        ),
        .target(
            name: "StreamFramer",
            dependencies: ["StructPack"],
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
        .testTarget(
            name: "StructPackTests",
            dependencies: ["StructPack"],
            exclude: ["Vectors"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StreamFramerTests",
            dependencies: ["StreamFramer", "StructPack"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "FramedEchoTests",
            dependencies: ["EchoServer", "FramedEcho", "StreamFramer", "StructPack"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
