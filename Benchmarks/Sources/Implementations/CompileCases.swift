import StructPack
import Workloads

/// Format compilation (W7): `Struct(_:)` cycling through ten formats.
enum CompileCases {
    static func cases() -> [BenchmarkCase] {
        [
            BenchmarkCase(.compile, "StructPack Struct(_:)", .typed) { inputs in
                let count = inputs.scale.formatsCompiled
                return .folding { compile(count: count) }
            }
        ]
    }

    @inline(never)
    static func compile(count: Int) -> UInt64 {
        var sizes: UInt64 = 0
        for index in 0..<count {
            sizes &+= UInt64(try! Struct(compiledFormats[index % compiledFormats.count]).size)
        }
        return sizes
    }
}
