import StreamFramer
import StructPack

/// Writes what `frames` shows of each frame, in stream order: a line of text, or with `--json`
/// one JSON object on one line (SPEC §2.5), and keeps the count of frames, their offsets in the
/// stream, and the payloads that did not unpack.
///
/// ```
///  stream   51 00 00 00 0d 53 45 4c 45 43 54 20 31 00 | 5a 00 00 00 05 49
///  text     (b'Q', 13) 53454c454354203100               (b'Z', 5) 49           --header-values
///  json     {"index": 0, "offset": 0, "size": 14, …}    {"index": 1, "offset": 14, …}
/// ```
///
/// Payloads are written a bounded chunk at a time (hex of 32 KiB of payload; one record's repr
/// at a time with `--iter`), so a large frame never exists whole as text.
struct FrameReport {
    /// The most payload bytes turned into hex at a time.
    static let hexChunkSize = 1 << 15

    let output: any OutputSink
    let framing: Framing
    let view: FrameViewOptions
    /// The number of frames written so far (discarded frames not included).
    private(set) var frameCount = 0
    /// The number of frames and discarded frames written so far: the next one's `index`.
    private(set) var eventCount = 0
    /// The stream offset of the next frame's first byte: the wire bytes of the frames and
    /// discarded frames so far (a discarded frame's claimed length may exceed `Int`).
    private(set) var streamOffset: Int128 = 0
    /// The number of payloads that did not unpack with `--unpack`'s format.
    private(set) var unpackFailures = 0

    init(output: any OutputSink, framing: Framing, view: FrameViewOptions) {
        self.output = output
        self.framing = framing
        self.view = view
    }

    /// Writes one frame and moves past it.
    ///
    /// - Throws: ``ToolError`` when the output refuses the bytes.
    mutating func write(_ frame: Frame) throws(ToolError) {
        let failure = unpackFailure(of: frame.payload)
        if failure != nil { unpackFailures += 1 }
        if view.writesJSON {
            try writeObject(frame, failure: failure)
        } else {
            try writeLine(frame, failure: failure)
        }
        frameCount += 1
        eventCount += 1
        streamOffset += Int128(frame.wireCount)
    }

    /// Writes the report of a frame skipped in discard mode and moves past it: the text line
    /// `discarded frame of length L`, or the JSON object `{"index": N, "offset": O, "size": S,
    /// "discarded": true, "claimedLength": L}` (SPEC §2.5).
    ///
    /// - Throws: ``ToolError`` when the output refuses the bytes.
    mutating func write(_ discarded: DiscardedFrame) throws(ToolError) {
        if view.writesJSON {
            try output.write(
                "{\"index\": \(eventCount), \"offset\": \(streamOffset), \"size\": \(discarded.wireCount), "
                    + "\"discarded\": true, \"claimedLength\": \(discarded.claimedLength)}\n")
        } else {
            try output.write("discarded frame of length \(discarded.claimedLength)\n")
        }
        eventCount += 1
        streamOffset += discarded.wireCount
    }

    // MARK: Text

    /// `[HEADER ]PAYLOAD`: the header tuple with `--header-values`, then the payload's hex, its
    /// values, or `error: MESSAGE`.
    private func writeLine(_ frame: Frame, failure: String?) throws(ToolError) {
        if view.showsHeaderValues, let values = try headerValues(of: frame) {
            try output.write(PythonRepr.tuple(values))
            if view.unpackFormat != nil || !frame.payload.isEmpty { try output.write([0x20]) }
        }
        if let failure {
            try output.write("error: " + failure)
        } else if let format = view.unpackFormat {
            try writeValues(of: frame.payload, format: format) { (values) throws(ToolError) in
                try output.write(PythonRepr.tuple(values))
            }
        } else {
            try writeHex(frame.payload)
        }
        try output.write([0x0A])
    }

    // MARK: JSON

    /// One object on one line; every key is always present, `null` where it does not apply.
    private func writeObject(_ frame: Frame, failure: String?) throws(ToolError) {
        let header = try headerValues(of: frame)
        var start = "{\"index\": \(eventCount), \"offset\": \(streamOffset), \"size\": \(frame.wireCount), "
        start += "\"header\": " + (header == nil ? "null" : JSONText.string(HexEncoder.encode(frame.header))) + ", "
        start += "\"headerValues\": " + JSONText.orNull(header.map(JSONText.values)) + ", "
        start += "\"headerRepr\": " + JSONText.orNull(header.map { JSONText.string(PythonRepr.tuple($0)) }) + ", "
        let delimiter = frame.delimiter
        start += "\"delimiter\": " + (isDelimited ? JSONText.string(HexEncoder.encode(delimiter)) : "null") + ", "
        try output.write(start + "\"payload\": \"")
        try writeHex(frame.payload)
        try output.write("\", ")
        if let format = view.unpackFormat, failure == nil {
            try output.write("\"values\": ")
            try writeValues(of: frame.payload, format: format) { (values) throws(ToolError) in
                try output.write(JSONText.values(values))
            }
            // JSON escapes a string character by character, so the repr is escaped piece by
            // piece as it is written.
            try output.write(", \"repr\": \"")
            try writeValues(of: frame.payload, format: format) { (values) throws(ToolError) in
                try output.write(String(JSONText.string(PythonRepr.tuple(values)).dropFirst().dropLast()))
            }
            try output.write("\", \"error\": null")
        } else {
            try output.write(
                "\"values\": null, \"repr\": null, \"error\": " + JSONText.orNull(failure.map(JSONText.string))
            )
        }
        try output.write(", \"discarded\": false}\n")
    }

    // MARK: Pieces

    /// Whether frames end with a delimiter.
    private var isDelimited: Bool {
        if case .delimiter = framing { return true }
        return false
    }

    /// The header's values: a length field's values as `struct.unpack(HEADER, header)` gives
    /// them, a varint's length as a one-value tuple; `nil` for delimited frames.
    ///
    /// - Throws: ``ToolError`` if the header does not match the framing (not expected).
    private func headerValues(of frame: Frame) throws(ToolError) -> [StructValue]? {
        switch framing {
        case .lengthField(let configuration):
            do {
                return try configuration.headerValues(of: frame)
            } catch {
                throw .failure(error.message)
            }
        case .varint:
            return [.int(Int128(frame.payload.count))]
        case .delimiter, .fixedLength:
            return nil
        }
    }

    /// CPython's message when the payload does not fit `--unpack`'s format (`unpack requires a
    /// buffer of 4 bytes`, `iterative unpacking requires a buffer of a multiple of 4 bytes`).
    private func unpackFailure(of payload: FrameBytes) -> String? {
        guard let format = view.unpackFormat else { return nil }
        do {
            if view.iterates {
                _ = try format.recordCount(iterating: payload.count)
            } else {
                try format.checkUnpackSize(payload.count)
            }
            return nil
        } catch {
            return error.message
        }
    }

    /// Writes a payload's values (which fit the format): one tuple, or with `--iter` a list of
    /// tuples written one record at a time, `[` `, ` `]` in between.
    private func writeValues(
        of payload: FrameBytes,
        format: Struct,
        _ writeRecord: ([StructValue]) throws(ToolError) -> Void
    ) throws(ToolError) {
        try payload.withUnsafeBytes { (bytes) throws(ToolError) in
            do {
                guard view.iterates else {
                    try writeRecord(try format.unpack(bytes))
                    return
                }
                try output.write("[")
                for (index, values) in try format.iterUnpack(bytes).enumerated() {
                    if index > 0 { try output.write(", ") }
                    try writeRecord(Array(values))
                }
                try output.write("]")
            } catch let error as StructError {
                throw .failure(error.message)
            } catch let error as ToolError {
                throw error
            } catch {
                throw .failure("\(error)")
            }
        }
    }

    /// Writes `payload` as lowercase hex, a bounded chunk at a time.
    private func writeHex(_ payload: FrameBytes) throws(ToolError) {
        try payload.withUnsafeBytes { (bytes) throws(ToolError) in
            var start = 0
            while start < bytes.count {
                let end = bytes.count - start > Self.hexChunkSize ? start + Self.hexChunkSize : bytes.count
                try output.write(HexEncoder.encodedUTF8(UnsafeRawBufferPointer(rebasing: bytes[start..<end])))
                start = end
            }
        }
    }
}
