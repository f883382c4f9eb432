import StructPack

/// Unpacks one value from its own bytes with a format of just its code (`<H`, `!10s`), kept
/// per code: how a partial record's complete values are read without the rest of the record.
struct SingleValueDecoder {
    let byteOrder: ByteOrder
    private var formats: [String: Struct] = [:]

    init(byteOrder: ByteOrder) {
        self.byteOrder = byteOrder
    }

    /// The value of a row whose code is `code` (`H`, `10s`) and whose bytes are `bytes`.
    ///
    /// - Throws: ``ToolError`` with StructPack's message.
    mutating func value(code: String, bytes: ArraySlice<UInt8>) throws(ToolError) -> StructValue? {
        do {
            let format: Struct
            if let known = formats[code] {
                format = known
            } else {
                format = try Struct(String(byteOrder.character) + code)
                formats[code] = format
            }
            return try format.unpack(bytes).first
        } catch {
            throw ToolError(error)
        }
    }
}
