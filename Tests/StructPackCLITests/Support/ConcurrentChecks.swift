/// Runs a differential suite's cases, four processes at a time.
enum ConcurrentChecks {
    /// Calls `check` on every case with its index, at most four at once, and returns the
    /// descriptions of the cases that differ (`check`'s non-`nil` results), in completion order.
    ///
    /// - Throws: the first error `check` throws.
    static func failures<Case: Sendable>(
        of cases: [Case], _ check: @escaping @Sendable (Case, Int) throws -> String?
    ) async throws -> [String] {
        try await withThrowingTaskGroup(of: String?.self) { group in
            var failures: [String] = []
            var pending = cases.enumerated()[...]
            func enqueue() {
                guard let (index, next) = pending.popFirst() else { return }
                group.addTask { try check(next, index) }
            }
            for _ in 0..<4 { enqueue() }
            while let result = try await group.next() {
                if let result { failures.append(result) }
                enqueue()
            }
            return failures
        }
    }
}
