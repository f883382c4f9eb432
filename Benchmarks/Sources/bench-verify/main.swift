// Runs every implementation once on the same inputs and checks that each produces the workload's
// checksum: the CI smoke run (`--smoke`), and the first step of the full benchmark run, where it
// also writes the inputs and expected checksums for Scripts/cpython_struct.py (`--write-inputs`).
//
//   bench-verify [--smoke] [--write-inputs DIR] [--json FILE] [--only TEXT] [--passes N] [--time N]
//
// `--only` keeps the cases whose name contains TEXT and `--passes` runs each N times: with
// `valgrind --tool=callgrind --toggle-collect='*PASS_FUNCTION*'` that gives repeatable
// instruction counts per record or frame. `--time N` then times N passes of the selected cases
// round-robin (a quick comparison while developing; the table comes from package-benchmark).
//
// Exits 1 if any checksum differs from the expected one.

import Foundation
import Implementations
import Workloads

let arguments = Array(CommandLine.arguments.dropFirst())
@MainActor func option(_ name: String) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
let scale: Scale = arguments.contains("--smoke") ? .smoke : .full
let inputs = Inputs(scale: scale)

if let directory = option("--write-inputs") {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: directory).appendingPathComponent(name))
    }
    func chunkBytes(_ sizes: [Int]) -> [UInt8] {
        sizes.flatMap { size in withUnsafeBytes(of: UInt32(size).littleEndian) { Array($0) } }
    }
    try write("standard.bin", inputs.standard.packed)
    try write("native.bin", inputs.native.packed)
    try write("strings.bin", inputs.strings.packed)
    try write("wide.bin", inputs.wide.packed)
    try write("small.stream", inputs.small.stream)
    try write("small.chunks", chunkBytes(inputs.small.chunkSizes))
    try write("large.stream", inputs.large.stream)
    try write("large.chunks", chunkBytes(inputs.large.chunkSizes))
    var meta: [String: Any] = ["formats": compiledFormats, "formatsCompiled": scale.formatsCompiled]
    var workloads: [String: Any] = [:]
    for workload in Workload.allCases {
        workloads[workload.rawValue] = [
            "title": workload.title, "unit": workload.unit, "operations": inputs.operations(workload),
            "bytes": inputs.bytes(workload), "checksum": String(inputs.expectedChecksum(workload)),
        ]
    }
    meta["workloads"] = workloads
    try JSONSerialization.data(withJSONObject: meta, options: [.prettyPrinted, .sortedKeys])
        .write(to: URL(fileURLWithPath: directory).appendingPathComponent("inputs.json"))
}

var failures = 0
var results: [[String: Any]] = []
print("workload  implementation                                              checksum              ok")
let only = option("--only")
let passes = Int(option("--passes") ?? "1") ?? 1
for benchmark in allCases() where only.map({ benchmark.name.contains($0) }) ?? true {
    benchmark.prepare(inputs)
    for _ in 0..<passes { _ = benchmark.run() }
    let expected = inputs.expectedChecksum(benchmark.workload)
    let checksum = benchmark.checksum()
    benchmark.release()
    let ok = checksum == nil || checksum == expected
    if !ok { failures += 1 }
    let shown = checksum.map { String($0) } ?? "-"
    print(
        benchmark.workload.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
            + benchmark.implementation.padding(toLength: 60, withPad: " ", startingAt: 0)
            + shown.padding(toLength: 22, withPad: " ", startingAt: 0) + (ok ? "ok" : "MISMATCH (expected \(expected))"))
    results.append([
        "workload": benchmark.workload.rawValue, "implementation": benchmark.implementation,
        "role": benchmark.role.rawValue, "name": benchmark.name, "checksum": checksum.map { String($0) } ?? "",
        "expected": String(expected), "ok": ok,
    ])
}
if let rounds = option("--time").flatMap(Int.init) {
    let selected = allCases().filter { only.map($0.name.contains) ?? true }
    for benchmark in selected { benchmark.prepare(inputs) }
    var seconds = Array(repeating: [Double](), count: selected.count)
    for _ in 0..<rounds {
        for (index, benchmark) in selected.enumerated() {
            let start = ContinuousClock.now
            _ = benchmark.run()
            let elapsed = ContinuousClock.now - start
            seconds[index].append(Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds))
        }
    }
    for (index, benchmark) in selected.enumerated() {
        let sorted = seconds[index].sorted()
        let ms = { (value: Double) in String(format: "%8.3f", value * 1000) }
        print("\(ms(sorted[0])) min \(ms(sorted[sorted.count / 2])) median ms  \(benchmark.name)")
    }
}
if let path = option("--json") {
    try JSONSerialization.data(withJSONObject: results, options: [.prettyPrinted, .sortedKeys])
        .write(to: URL(fileURLWithPath: path))
}
print(failures == 0 ? "all \(results.count) checksums agree" : "\(failures) checksum mismatches")
exit(failures == 0 ? 0 : 1)
