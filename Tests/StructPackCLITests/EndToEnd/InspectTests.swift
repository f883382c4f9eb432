import Foundation
import Testing

/// `structpack inspect`: the annotated table and its JSON form. The values in each table are
/// CPython's: e.g. struct.unpack('>3hd', bytes.fromhex('0001fffe7fff7ff0000000000000')) ==
/// (1, -2, 32767, inf).
@Suite("inspect (end to end)")
struct InspectTests {
    @Test func tableShowsPaddingAndAlignmentAsRows() throws {
        expectSuccess(
            try ToolRunner.run(["inspect", "@BxI2s?", "07", "00", "0000", "2a000000", "6162", "01"]),
            stdout: """
                format '@BxI2s?': 11 bytes, 4 values; native byte order (little-endian), native sizes and alignment
                offset  size  code  bytes     value
                     0     1  B     07        7
                     1     1  x     00        (pad)
                     2     2        0000      (alignment)
                     4     4  I     2a000000  42
                     8     2  2s    6162      b'ab'
                    10     1  ?     01        True

                """)
    }

    @Test func repeatedCodesGetOneRowPerValue() throws {
        expectSuccess(
            try ToolRunner.run(["inspect", ">3hd", "0001", "fffe", "7fff", "7ff0000000000000"]),
            stdout: """
                format '>3hd': 14 bytes, 4 values; big-endian, standard sizes, no alignment
                offset  size  code  bytes             value
                     0     2  h     0001              1
                     2     2  h     fffe              -2
                     4     2  h     7fff              32767
                     6     8  d     7ff0000000000000  inf

                """)
    }

    @Test func longFieldsAreCutInTheTableOnly() throws {
        let hex = "000102030405060708090a0b0c0d0e0f10111213"
        expectSuccess(
            try ToolRunner.run(["inspect", "!20sp", hex, "00"]),
            stdout: """
                format '!20sp': 21 bytes, 2 values; network byte order (big-endian), standard sizes, no alignment
                offset  size  code  bytes                              value
                     0    20  20s   000102030405060708090a0b0c0d0e0f…  b'\\x00\\x01\\x02\\x03\\x04\\x05\\x06\\x07\\x08\\t\\n\\x0b\\x0c\\r\\x0e\\x0f\\x10\\x11\\x12\\x13'
                    20     1  p     00                                 b''

                """)
        let json = try ToolRunner.run(["inspect", "--json", "!20sp", hex, "00"]).stdout
        #expect(json.contains("\"hex\": \"\(hex)\""))
    }

    @Test func offsetsAreOffsetsInTheInput() throws {
        expectSuccess(
            try ToolRunner.run(["inspect", "--offset", "1", "=c4x", "ff", "27", "00000000", "ee"]),
            stdout: """
                format '=c4x': 5 bytes, 1 value; native byte order (little-endian), standard sizes, no alignment; record at offset 1
                offset  size  code  bytes     value
                     1     1  c     27        b"'"
                     2     4  4x    00000000  (pad)

                """)
    }

    @Test func emptyFormat() throws {
        expectSuccess(
            try ToolRunner.run(["inspect", "", ""]),
            stdout: """
                format '': 0 bytes, 0 values; native byte order (little-endian), native sizes and alignment
                offset  size  code  bytes  value

                """)
    }

    @Test func formatErrorsShowNothing() throws {
        expectFailure(try ToolRunner.run(["inspect", "<z", "00"]), message: "bad char in struct format")
        expectFailure(try ToolRunner.run(["inspect", "--iter", "<z", "00"]), message: "bad char in struct format")
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let result = try ToolRunner.run(["inspect", "--json", "@BxI2s?e", "07", "00", "0000", "2a000000", "6162", "01", "00", "007c"])
        #expect(result.status == 0, "\(result)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [String: Any])
        #expect(Set(document.keys) == ["format", "prefix", "byteOrder", "size", "valueCount", "offset", "fields", "trailing", "error"])
        #expect(document["trailing"] is NSNull && document["error"] is NSNull)
        #expect(document["format"] as? String == "@BxI2s?e")
        #expect(document["prefix"] as? String == "@")
        #expect(document["byteOrder"] as? String == "little")
        #expect(document["size"] as? Int == 14)
        #expect(document["valueCount"] as? Int == 5)
        #expect(document["offset"] as? Int == 0)
        let fields = try #require(document["fields"] as? [[String: Any]])
        #expect(fields.map { $0["kind"] as? String } == ["value", "pad", "alignment", "value", "value", "value", "alignment", "value"])
        for field in fields {
            #expect(Set(field.keys) == ["kind", "index", "offset", "size", "present", "code", "hex", "type", "value", "repr"])
            #expect(field["present"] as? Int == field["size"] as? Int)
        }
        // Rows cover the record byte for byte, in order.
        var next = 0
        for field in fields {
            #expect(field["offset"] as? Int == next)
            next += (field["size"] as? Int) ?? 0
        }
        #expect(next == 14)
        #expect(fields[2]["code"] is NSNull)
        #expect(fields[3]["value"] as? Int == 42)
        #expect(fields[4]["value"] as? String == "6162")
        #expect(fields[4]["repr"] as? String == "b'ab'")
        #expect(fields[5]["value"] as? Bool == true)
        #expect(fields[7]["type"] as? String == "float")
        #expect(fields[7]["value"] is NSNull, "inf has no JSON number")
        #expect(fields[7]["repr"] as? String == "inf")
    }

    @Test func jsonEscapesTheFormatText() throws {
        let result = try ToolRunner.run(["inspect", "--json", "<i\ti", "0100000002000000"])
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdoutBytes)) as? [String: Any])
        #expect(document["format"] as? String == "<i\ti")
    }
}
