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
    ],
    targets: [
        .target(
            name: "StructPack",
            exclude: ["Generated/generate_typed_arities.py"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StructPackTests",
            dependencies: ["StructPack"],
            exclude: ["Vectors"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
