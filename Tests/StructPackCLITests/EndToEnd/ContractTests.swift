import Testing

/// The contract, run through the built executable: every case's expected stdout,
/// stderr and exit status were printed by CPython 3.13 (see generate_contract_cases.py).
@Suite("Contract (CPython 3.13's answers)")
struct ContractTests {
    @Test(arguments: ContractCases.all)
    func command(_ contract: ContractCase) throws {
        let result = try ToolRunner.run(contract.arguments)
        #expect(result.status == contract.status, "\(result)")
        #expect(result.stdout == contract.stdout)
        #expect(result.stderr == contract.stderr)
    }

    @Test func casesCoverEveryGroup() {
        let groups = Set(ContractCases.all.map(\.group))
        #expect(groups == ["pack", "int", "huge", "float", "bytes", "unpack", "float-repr", "bytes-repr", "errors"])
        #expect(ContractCases.all.count > 180)
    }
}
