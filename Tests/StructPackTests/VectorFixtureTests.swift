import Foundation
import StructPack
import Testing

/// The golden-vector loader reads exactly what the generator writes and refuses anything else,
/// naming the case: a malformed value must never turn into a different, passing case.
@Suite("Golden vector loader")
struct VectorFixtureTests {
    /// Decodes a list of cases whose second one carries `values`.
    static func decodeCases(secondValues values: String) throws -> [VectorCase] {
        let json = """
            [{"category": "t", "op": "pack", "native": false, "values": [{"int": "1"}]},
             {"category": "t", "op": "pack", "native": false, "values": [\(values)]}]
            """
        return try JSONDecoder().decode([VectorCase].self, from: Data(json.utf8))
    }

    @Test func readsEveryKindOfValueExactly() throws {
        let cases = try Self.decodeCases(
            secondValues: """
                {"int": "-170141183460469231731687303715884105728"}, {"bool": true},
                {"float": "3ff8000000000000"}, {"float": "fff8000000000001"}, {"bytes": "00ff7a"}, {"bytes": ""}
                """)
        let values = try #require(cases[1].values).map(\.value)
        #expect(values.count == 6)
        #expect(values[0] == .int(Int128.min))
        #expect(values[1] == .bool(true))
        #expect(sameValue(values[2], .double(1.5)))
        #expect(sameValue(values[3], .double(Double(bitPattern: 0xFFF8_0000_0000_0001))))
        #expect(values[4] == .bytes([0x00, 0xFF, 0x7A]))
        #expect(values[5] == .bytes([]))
    }

    @Test(arguments: [
        #"{"int": "12x"}"#, #"{"int": ""}"#, #"{"int": "1e3"}"#, #"{"int": "170141183460469231731687303715884105728"}"#,
        #"{"float": "3ff800000000000"}"#, #"{"float": "3ff8000000000000ff"}"#, #"{"float": "3FF8000000000000"}"#,
        #"{"bytes": "0g"}"#, #"{"bytes": "abc"}"#, #"{"bytes": "ab cd"}"#, #"{"bytes": "AB"}"#,
        #"{"int": "1", "bool": true}"#, #"{}"#, #"{"text": "a"}"#,
    ])
    func malformedValuesFailLoadingAndNameTheCase(value: String) {
        let error = #expect(throws: DecodingError.self) { try Self.decodeCases(secondValues: value) }
        // The coding path leads to the second case's first value.
        let path = error.map(Self.codingPath) ?? []
        #expect(Array(path.prefix(3)) == ["Index 1", "values", "Index 0"], "\(path)")
    }

    @Test(arguments: ["formatBytes", "bytes", "buffer", "result"])
    func malformedHexFieldsFailLoading(field: String) {
        let json = #"[{"category": "t", "op": "pack", "native": false, "\#(field)": "01 02"}]"#
        let error = #expect(throws: DecodingError.self) { try JSONDecoder().decode([VectorCase].self, from: Data(json.utf8)) }
        let path = error.map(Self.codingPath) ?? []
        #expect(path == ["Index 0", field], "\(path)")
    }

    @Test func hexFieldsDecodeToTheirBytes() throws {
        let json = #"[{"category": "t", "op": "pack_into", "native": false, "buffer": "eeff", "result": "", "formatBytes": "3c49"}]"#
        let vector = try #require(try JSONDecoder().decode([VectorCase].self, from: Data(json.utf8)).first)
        #expect(vector.buffer?.bytes == [0xEE, 0xFF])
        #expect(vector.result?.bytes == [])
        #expect(try vector.compile().format == "<I")
    }

    static func codingPath(_ error: DecodingError) -> [String] {
        let path: [any CodingKey]
        switch error {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context),
            .valueNotFound(_, let context):
            path = context.codingPath
        @unknown default:
            path = []
        }
        return path.map { $0.intValue.map { "Index \($0)" } ?? $0.stringValue }
    }
}
