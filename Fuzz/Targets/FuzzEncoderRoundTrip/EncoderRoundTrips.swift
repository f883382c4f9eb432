import StreamFramer
import StructPack

/// `LengthFieldEncoder` against `LengthFieldFramer`.
enum LengthFieldRoundTrip {
    static func run(_ options: LengthFieldConfiguration, payloads: [[UInt8]], input: inout FuzzInput) {
        let size = options.headerSize
        var template = input.bytes(size)
        template += repeatElement(0, count: size - template.count)
        let encoder: LengthFieldEncoder
        do {
            encoder = try LengthFieldEncoder(options, headerTemplate: template)
        } catch {
            invariantFailure("header template of \(size) bytes rejected: \(error)")
        }
        let slot: ValueSlot
        do {
            slot = try options.header.slot(ofValue: options.lengthFieldIndex)
        } catch {
            invariantFailure("\(options.header): no length field \(options.lengthFieldIndex)")
        }
        var stream: [UInt8] = []
        var accepted: [[UInt8]] = []
        for payload in payloads {
            // The documented rule: count <= maximum, and count - adjustment within the field's
            // non-negative range.
            let value = Int128(payload.count) - Int128(options.lengthAdjustment)
            let bits = slot.size * 8
            let highest: Int128 = slot.code.kind == .signedInteger ? (1 << (bits - 1)) - 1 : (1 << bits) - 1
            let acceptable = payload.count <= options.maximumFrameLength && value >= 0 && value <= highest
            do {
                let encoded = try encoder.encode(payload)
                invariant(acceptable, "\(options.header): payload of \(payload.count) encoded; adjustment \(options.lengthAdjustment)")
                let header = try encoder.header(payloadCount: payload.count)
                invariant(encoded == header + payload, "\(options.header): encode \(hex(encoded)), header \(hex(header))")
                invariant(try encoder.lengthFieldValue(forPayloadCount: payload.count) == value, "length field value")
                // The template's bytes outside the length field are kept.
                for index in 0..<size where index < slot.offset || index >= slot.offset + slot.size {
                    invariant(header[index] == template[index], "\(options.header): header byte \(index) not from the template")
                }
                checkWriteHeader(encoder, payload.count, header)
                let (frames, end) = decodeAll(.lengthField(options), encoded)
                invariant(end == nil && frames.count == 1, "\(options.header): \(hex(encoded)) decoded to \(frames) \(String(describing: end))")
                let frame = frames[0]
                invariant(Array(frame.payload) == payload && Array(frame.header) == header, "\(options.header): frame differs")
                let values = try options.headerValues(of: frame)
                invariant(values == (try options.header.unpack(header)), "\(options.header): header values differ")
                let length = try options.headerValue(options.lengthFieldIndex, of: frame, as: StructValue.self)
                invariant(length == .int(value), "\(options.header): length field \(length), expected \(value)")
                stream += encoded
                accepted.append(payload)
            } catch let error as FramingError {
                invariant(!acceptable, "\(options.header): payload of \(payload.count) rejected: \(error)")
                invariant(
                    error.code == .payloadTooLong, "\(options.header): payload of \(payload.count) rejected with \(error.code)")
            } catch {
                invariantFailure("\(options.header): \(error)")
            }
        }
        checkStream(.lengthField(options), stream, accepted)
    }

    /// `writeHeader(payloadCount:into:)` writes the header into a large enough destination and
    /// nothing into a small one.
    private static func checkWriteHeader(_ encoder: LengthFieldEncoder, _ count: Int, _ header: [UInt8]) {
        let size = header.count
        for capacity in [size, size + 3, max(0, size - 1)] {
            let destination = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 1)
            defer { destination.deallocate() }
            destination.initializeMemory(as: UInt8.self, repeating: 0xA7)
            do {
                let written = try encoder.writeHeader(payloadCount: count, into: destination)
                invariant(
                    written == size && Array(destination.prefix(size)) == header
                        && destination.dropFirst(size).allSatisfy { $0 == 0xA7 },
                    "writeHeader into \(capacity) bytes wrote \(hex(destination))")
            } catch {
                invariant(
                    capacity < size && error.code == .destinationTooSmall && destination.allSatisfy { $0 == 0xA7 },
                    "writeHeader into \(capacity) bytes threw \(error)")
            }
        }
    }
}

/// `DelimiterEncoder` against `DelimiterFramer`.
enum DelimiterRoundTrip {
    static func run(_ options: DelimiterConfiguration, payloads: [[UInt8]], input: inout FuzzInput) {
        let delimiter = input.pick(options.delimiters)
        let encoder: DelimiterEncoder
        do {
            encoder = try DelimiterEncoder(options, delimiter: delimiter)
        } catch {
            invariantFailure("delimiter \(hex(delimiter)) rejected: \(error)")
        }
        // A payload with a delimiter sprinkled in, to reach the rejection paths often.
        var candidates = payloads
        if let first = payloads.first, input.bool() {
            let cut = input.int(in: 0...first.count)
            candidates.append(Array(first[..<cut]) + input.pick(options.delimiters) + first[cut...])
        }
        var stream: [UInt8] = []
        var accepted: [[UInt8]] = []
        for payload in candidates {
            // The documented rule, checked by decoding: accepted exactly when decoding
            // payload + delimiter gives the payload back.
            let alone = options.maximumFrameLength >= payload.count ? decodeAll(.delimiter(options), payload + delimiter) : nil
            let roundTrips =
                alone.map { $0.end == nil && $0.frames.count == 1 && Array($0.frames[0].payload) == payload } ?? false
            do {
                let encoded = try encoder.encode(payload)
                invariant(encoded == payload + delimiter, "encode gave \(hex(encoded))")
                invariant(
                    roundTrips && Array(alone!.frames[0].delimiter) == delimiter,
                    "\(options.delimiters.map { hex($0) }): payload \(hex(payload)) accepted but decodes to "
                        + "\(alone.map { $0.frames.map { hex($0.payload) } } ?? [])")
                stream += encoded
                accepted.append(payload)
            } catch {
                if payload.count > options.maximumFrameLength {
                    invariant(error.code == .payloadTooLong, "payload over the maximum rejected with \(error.code)")
                } else {
                    invariant(
                        error.code == .payloadContainsDelimiter && !roundTrips,
                        "\(options.delimiters.map { hex($0) }) writing \(hex(delimiter)): payload \(hex(payload)) "
                            + "rejected (\(error)), but decoding gives it back: \(roundTrips)")
                }
            }
        }
        checkStream(.delimiter(options), stream, accepted)
    }
}

/// `FixedLengthEncoder` against `FixedLengthFramer`.
enum FixedLengthRoundTrip {
    static func run(_ options: FixedLengthConfiguration, payloads: [[UInt8]]) {
        let encoder = FixedLengthEncoder(options)
        var stream: [UInt8] = []
        var accepted: [[UInt8]] = []
        // Payloads cut to the frame length where they are long enough, so most are accepted.
        for payload in payloads + payloads.map({ Array($0.prefix(options.frameLength)) }) {
            do {
                let encoded = try encoder.encode(payload)
                invariant(payload.count == options.frameLength && encoded == payload, "fixed encode of \(payload.count)")
                stream += encoded
                accepted.append(payload)
            } catch {
                invariant(
                    payload.count != options.frameLength && error.code == .payloadLengthMismatch,
                    "fixed length \(options.frameLength): payload of \(payload.count) threw \(error)")
            }
        }
        checkStream(.fixedLength(options), stream, accepted)
    }
}

/// `VarintEncoder` against `VarintFramer`.
enum VarintRoundTrip {
    static func run(_ options: VarintConfiguration, payloads: [[UInt8]]) {
        let encoder = VarintEncoder(options)
        var stream: [UInt8] = []
        var accepted: [[UInt8]] = []
        for payload in payloads {
            do {
                let encoded = try encoder.encode(payload)
                let header = try encoder.header(payloadCount: payload.count)
                invariant(
                    payload.count <= options.maximumFrameLength && encoded == header + payload
                        && header == Varint.encode(UInt64(payload.count)),
                    "varint encode of \(payload.count) gave \(hex(encoded))")
                let destination = UnsafeMutableRawBufferPointer.allocate(byteCount: header.count, alignment: 1)
                defer { destination.deallocate() }
                let written = try encoder.writeHeader(payloadCount: payload.count, into: destination)
                invariant(written == header.count && Array(destination) == header, "varint writeHeader")
                if header.count > 1 {
                    let small = UnsafeMutableRawBufferPointer(rebasing: destination[..<(header.count - 1)])
                    do {
                        _ = try encoder.writeHeader(payloadCount: payload.count, into: small)
                        invariantFailure("varint header written into \(small.count) bytes")
                    } catch {
                        invariant(error.code == .destinationTooSmall, "varint writeHeader into a small buffer: \(error)")
                    }
                }
                stream += encoded
                accepted.append(payload)
            } catch {
                invariant(
                    payload.count > options.maximumFrameLength && error.code == .payloadTooLong,
                    "varint payload of \(payload.count) threw \(error)")
            }
        }
        for negative in [-1, Int.min] {
            do {
                _ = try encoder.header(payloadCount: negative)
                invariantFailure("varint header for \(negative) bytes")
            } catch {
                invariant(error.code == .negativeLength, "varint header for \(negative): \(error)")
            }
        }
        checkStream(.varint(options), stream, accepted)
    }
}
