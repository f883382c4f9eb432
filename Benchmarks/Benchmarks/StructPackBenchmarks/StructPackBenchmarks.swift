// The package-benchmark suite: one benchmark per (workload, implementation) case of the
// catalogue, each iteration one full pass over the workload's input. Throughput is derived from
// the wall clock per pass by Scripts/report.py; allocations are `mallocCountTotal` per pass.
// (`instructions` needs perf events, which this machine does not offer; callgrind counts them.)
//
//   swift package --package-path Benchmarks benchmark            # package-benchmark's own table
//   bash Benchmarks/Scripts/run.sh                               # the combined table with ratios

import Benchmark
import Foundation
import Implementations
import Workloads

let inputs = Inputs(scale: .fromEnvironment(ProcessInfo.processInfo.environment["BENCHMARK_SCALE"]))

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        timeUnits: .microseconds,
        warmupIterations: 1,
        maxDuration: .seconds(1),
        maxIterations: 20
    )
    for benchmarkCase in allCases() {
        Benchmark(
            benchmarkCase.name,
            closure: { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(benchmarkCase.run())
                }
            },
            setup: { benchmarkCase.prepare(inputs) },
            teardown: { benchmarkCase.release() }
        )
    }
}
