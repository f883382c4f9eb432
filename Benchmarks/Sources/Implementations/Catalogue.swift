import Workloads

/// Every (workload, implementation) pair measured, grouped by workload in table order, the
/// limit first. The CPython rows come from Scripts/cpython_struct.py.
public func allCases() -> [BenchmarkCase] {
    let cases =
        HandWritten.cases() + HandWrittenRecords.cases() + HandWrittenPerCall.cases() + StructPackCases.cases() + CompileCases.cases()
        + FramerCases.cases() + NIOCases.cases()
        + NIOFrameCases.cases()
    let order = Dictionary(uniqueKeysWithValues: Workload.allCases.enumerated().map { ($1, $0) })
    return cases.enumerated().sorted { left, right in
        let (l, r) = (order[left.element.workload]!, order[right.element.workload]!)
        return l != r ? l < r : left.offset < right.offset
    }.map(\.element)
}
