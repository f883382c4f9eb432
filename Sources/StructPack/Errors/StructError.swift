/// The one error StructPack throws: a stable ``code`` to switch on and CPython 3.13's exact
/// message text for the same failure.
///
/// ```swift
/// do {
///     _ = try Struct.pack("B", 256)
/// } catch let error as StructError where error.code == .integerOutOfRange {
///     print(error.message)  // 'B' format requires 0 <= number <= 255
/// }
/// ```
///
/// Errors about one value also say where it is: ``valueIndex`` (counting values as
/// `unpack` returns them) and ``byteOffset`` (in the buffer being read or written), so a tool
/// can point at the failing field. The message stays CPython's.
///
/// Equality compares the code and the message (the location is extra information).
public struct StructError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The error's contents behind one reference, so that throwing and passing an error moves
    /// one word: the typed API's inlined paths stay small.
    @usableFromInline
    final class Storage: Sendable {
        @usableFromInline let code: Code
        @usableFromInline let message: String
        @usableFromInline let valueIndex: Int?
        @usableFromInline let byteOffset: Int?

        @usableFromInline
        init(code: Code, message: String, valueIndex: Int?, byteOffset: Int?) {
            self.code = code
            self.message = message
            self.valueIndex = valueIndex
            self.byteOffset = byteOffset
        }
    }

    @usableFromInline let storage: Storage

    /// What went wrong, stable across releases; compare with the static members.
    public var code: Code { storage.code }
    /// The human-readable message: CPython 3.13's text wherever CPython reports the same failure.
    public var message: String { storage.message }
    /// The index of the value the error is about (as `unpack` counts values: `x` has none,
    /// `3i` has three), when the error is about one value.
    public var valueIndex: Int? { storage.valueIndex }
    /// The offset in the buffer of the byte where that value starts, when the error is about
    /// one value of a buffer being read or written (for an append, the offset in the array or
    /// output span appended to).
    public var byteOffset: Int? { storage.byteOffset }

    /// Creates an error with a code and a message, and optionally where it happened.
    public init(_ code: Code, _ message: String, valueIndex: Int? = nil, byteOffset: Int? = nil) {
        storage = Storage(code: code, message: message, valueIndex: valueIndex, byteOffset: byteOffset)
    }

    /// Equal when the codes and the messages are equal.
    public static func == (lhs: StructError, rhs: StructError) -> Bool {
        lhs.code == rhs.code && lhs.message == rhs.message
    }

    /// Hashes the code and the message.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(code)
        hasher.combine(message)
    }

    /// The same error, located at value `index` (and `offset`, when known) unless it already
    /// carries a location.
    @usableFromInline
    func located(valueIndex index: Int, byteOffset offset: Int?) -> StructError {
        guard valueIndex == nil else { return self }
        return StructError(code, message, valueIndex: index, byteOffset: offset ?? byteOffset)
    }

    /// The same error with its byte offset counted from `base` bytes earlier: for a record
    /// written into new capacity appended after `base` bytes of an array. Out of line: only
    /// error paths call it.
    @usableFromInline @inline(never)
    func offset(by base: Int) -> StructError {
        guard let byteOffset else { return self }
        return StructError(code, message, valueIndex: valueIndex, byteOffset: base &+ byteOffset)
    }

    /// The message, exactly as CPython's `str(exception)` prints it.
    public var description: String { message }

    /// The Python exception class CPython raises for the same failure: `struct.error`,
    /// `OverflowError`, `UnicodeEncodeError`, or `MemoryError`.
    public var pythonExceptionType: String { code.pythonExceptionType }
}

extension StructError {
    /// A stable error kind. New kinds may be added, so `switch` over it with a `default` case.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        @usableFromInline
        enum Kind: Sendable {
            case badCharacter, repeatCountWithoutFormat, sizeTooLong, embeddedNull, nonASCIIFormat
            case itemCount, integerOutOfRange, notAnInteger, notAFloat, floatTooLarge, notBytes
            case charLength, wrongBufferSize, bufferTooSmall, offsetOutOfRange, zeroSizeIteration
            case typeMismatch, allocationLimit, valueIndexOutOfRange, invalidValue
        }

        @usableFromInline
        let kind: Kind

        @inlinable
        init(_ kind: Kind) {
            self.kind = kind
        }

        /// A character that is not a format code under the format's prefix (`z`, `@@`, `<P`,
        /// whitespace after a count), or a byte outside ASCII in a byte-string format.
        public static let badCharacter = Code(.badCharacter)
        /// The format ends with digits: `"3"`.
        public static let repeatCountWithoutFormat = Code(.repeatCountWithoutFormat)
        /// A repeat count, or the total size, does not fit in `Int`.
        public static let sizeTooLong = Code(.sizeTooLong)
        /// The format contains a NUL character.
        public static let embeddedNull = Code(.embeddedNull)
        /// The format contains a character outside ASCII (CPython's `UnicodeEncodeError`).
        public static let nonASCIIFormat = Code(.nonASCIIFormat)
        /// The number of values given does not match the format's value count.
        public static let itemCount = Code(.itemCount)
        /// An integer outside the range of its format code.
        public static let integerOutOfRange = Code(.integerOutOfRange)
        /// A non-integer (float, bytes) given for an integer code.
        public static let notAnInteger = Code(.notAnInteger)
        /// A non-number (bytes) given for a floating-point code.
        public static let notAFloat = Code(.notAFloat)
        /// A finite float too large for `e`, or for `f` under a standard prefix
        /// (CPython's `OverflowError`).
        public static let floatTooLarge = Code(.floatTooLarge)
        /// A non-bytes value given for `s` or `p`.
        public static let notBytes = Code(.notBytes)
        /// A value other than bytes of length 1 given for `c`.
        public static let charLength = Code(.charLength)
        /// `unpack` given a buffer whose size is not the format's size (or, iterating, not a
        /// multiple of it).
        public static let wrongBufferSize = Code(.wrongBufferSize)
        /// Too few bytes between an offset and the end of the buffer.
        public static let bufferTooSmall = Code(.bufferTooSmall)
        /// A negative offset reaching before the start of the buffer.
        public static let offsetOutOfRange = Code(.offsetOutOfRange)
        /// Iterating with a format whose size is 0.
        public static let zeroSizeIteration = Code(.zeroSizeIteration)
        /// A Swift type that does not match the format code it is packed from or unpacked into
        /// (typed API only; CPython has no typed API).
        public static let typeMismatch = Code(.typeMismatch)
        /// Bytes that are not a valid value of a ``StructConvertible`` type, such as an enum's
        /// unknown raw value (typed API only).
        public static let invalidValue = Code(.invalidValue)
        /// A value index outside the format's values (single-value API only).
        public static let valueIndexOutOfRange = Code(.valueIndexOutOfRange)
        /// An allocation larger than StructPack's limit (CPython would raise `MemoryError`).
        public static let allocationLimit = Code(.allocationLimit)

        /// The Python exception class for this kind of failure.
        public var pythonExceptionType: String {
            switch kind {
            case .nonASCIIFormat: "UnicodeEncodeError"
            case .floatTooLarge: "OverflowError"
            case .allocationLimit: "MemoryError"
            default: "struct.error"
            }
        }

        /// The code's name, such as `integerOutOfRange`.
        public var description: String { "\(kind)" }
    }
}
