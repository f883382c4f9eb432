/// The one kind and size of format value whose bytes are exactly a Swift type's bits, so the
/// typed API can move it with a single load or store: `UInt32` is an unsigned 4-byte integer
/// (`I`, standard `L`), `Double` an 8-byte float (`d`), `Bool` a `?`. Size 0 means none.
///
/// Machinery of the typed API; user code never needs it.
public struct _DirectLayout: Sendable, Hashable {
    /// The kind of format code.
    public let kind: FormatCode.Kind
    /// The value's size in bytes (1, 2, 4 or 8), or 0 for no direct layout.
    public let size: Int

    /// A layout of `kind` and `size`.
    @_transparent
    public init(kind: FormatCode.Kind, size: Int) {
        self.kind = kind
        self.size = size
    }

    /// No direct layout: the type is always read and written through its conversions.
    @_transparent
    public static var none: _DirectLayout { _DirectLayout(kind: .padding, size: 0) }

    /// A byte string's layout: the bytes of an `s` or `p` value of any size above 0, whose size
    /// and code the engine takes from the format's slot table.
    @_transparent
    public static var bytes: _DirectLayout { _DirectLayout(kind: .string, size: 0) }

    /// Whether this is ``bytes``.
    @_transparent @usableFromInline
    var isBytes: Bool { size == 0 && kind == .string }

    /// Whether values of this layout are direct at all.
    @_transparent @usableFromInline
    var isDirect: Bool { size != 0 || kind == .string }

    /// Whether a value of `code` in `size` bytes has this layout.
    @inlinable @inline(__always)
    func matches(_ code: FormatCode, size: Int) -> Bool {
        if isBytes { return size > 0 && (code == .string || code == .pascalString) }
        return self.size != 0 && size == self.size && code.kind == kind
    }
}

/// How the typed API moves a type's values without checks once a plan has proved them direct.
///
/// Machinery shared by ``StructPackable`` and ``StructUnpackable``, implemented by StructPack's
/// own conformances only: every requirement has a default that declares no direct layout, which
/// is what a type of yours should keep.
public protocol _StructDirectCoding {
    /// The direct layout, or ``_DirectLayout/none``.
    static var _directLayout: _DirectLayout { get }

    /// Reads a value of ``_directLayout`` at `source`, with no bounds check: the caller has
    /// checked that `_directLayout.size` bytes are readable there.
    ///
    /// - Throws: ``StructError`` when the bits are not a valid value (a converted type's bad raw
    ///   value); never for StructPack's own types.
    static func _unsafeLoad(from source: UnsafeRawPointer, swapsBytes: Bool) throws(StructError) -> Self

    /// Writes `self` as a value of ``_directLayout`` at `target`, with no bounds check: the
    /// caller has checked that `_directLayout.size` bytes are writable there.
    func _unsafeStore(to target: UnsafeMutableRawPointer, swapsBytes: Bool)

    /// Whether unpacking a value whose code the type accepts can never throw (StructPack's own
    /// types): a lazy record collection of such types needs no validation pass.
    static var _unpackingCannotFail: Bool { get }

    /// Reads a byte string (layout ``_DirectLayout/bytes``) of `size` bytes (more than 0) at
    /// `source`, an `s` value or, when `isPascal`, a `p` value, with no bounds check. `owner` is
    /// the array the bytes belong to, when there is one, and `position` the value's offset from
    /// the owner's start index.
    ///
    /// - Throws: never for StructPack's own types.
    static func _unsafeLoadBytes(
        from source: UnsafeRawPointer, size: Int, isPascal: Bool, position: Int, owner: ArraySlice<UInt8>?
    ) throws(StructError) -> Self

    /// Writes `self` as a byte string of `size` bytes (more than 0) at `target`, as CPython packs
    /// `bytes` into `s` or (when `isPascal`) `p`, with no bounds check.
    func _unsafeStoreBytes(to target: UnsafeMutableRawPointer, size: Int, isPascal: Bool)
}

extension _StructDirectCoding {
    /// No direct layout.
    @inlinable @inline(__always)
    public static var _directLayout: _DirectLayout { .none }

    /// Never called for a type without a direct layout (the engine checks the layout's size
    /// first); throws rather than reads.
    @inlinable
    public static func _unsafeLoad(from source: UnsafeRawPointer, swapsBytes: Bool) throws(StructError) -> Self {
        throw StructError.noDirectLayout("\(Self.self)")
    }

    /// Never called for a type without a direct layout; writes nothing.
    @inlinable
    public func _unsafeStore(to target: UnsafeMutableRawPointer, swapsBytes: Bool) {}

    /// `false`: a type of yours may throw while unpacking.
    @inlinable
    public static var _unpackingCannotFail: Bool { false }

    /// Never called for a type without the bytes layout; throws rather than reads.
    @inlinable
    public static func _unsafeLoadBytes(
        from source: UnsafeRawPointer, size: Int, isPascal: Bool, position: Int, owner: ArraySlice<UInt8>?
    ) throws(StructError) -> Self {
        throw StructError.noDirectLayout("\(Self.self)")
    }

    /// Never called for a type without the bytes layout; writes nothing.
    @inlinable
    public func _unsafeStoreBytes(to target: UnsafeMutableRawPointer, size: Int, isPascal: Bool) {}
}

/// The kinds and sizes of up to 16 values, one byte per value: a format computes its own once
/// and a tuple's is a compile-time constant, so one comparison tells the one-shot typed API that
/// every value is direct.
public struct _LayoutSignature: Sendable, Hashable {
    @usableFromInline var low: UInt64 = 0
    @usableFromInline var high: UInt64 = 0
    @usableFromInline var count = 0

    /// The empty signature.
    @inlinable
    public init() {}

    /// Appends one value's layout; a type without one gets a byte no format produces.
    @_transparent
    public mutating func append(_ layout: _DirectLayout) {
        if layout.isBytes {
            append(byte: Self.bytesByte)
        } else {
            append(byte: layout.size == 0 ? 0xFF : Self.byte(kind: layout.kind, size: layout.size))
        }
    }

    /// The byte of a byte string: an `s` or `p` value of any size above 0, and a type with the
    /// bytes layout (the sizes come from the format's slot table).
    @_transparent @usableFromInline static var bytesByte: UInt64 { 0x60 }

    /// Appends a format value's kind and size.
    @_transparent @usableFromInline
    mutating func append(kind: FormatCode.Kind, size: Int) {
        append(byte: Self.byte(kind: kind, size: size))
    }

    @_transparent @usableFromInline
    mutating func append(byte: UInt64) {
        if count < 8 {
            low |= byte << UInt64(count &* 8)
        } else if count < 16 {
            high |= byte << UInt64((count &- 8) &* 8)
        }
        count &+= 1
    }

    /// Whether any value is a byte string (a compile-time constant for a tuple's signature), so
    /// the one-shot API lends the direct paths the format's slot table only when they read it.
    @inlinable @inline(__always)
    var hasBytes: Bool {
        var position = 0
        while position < min(count, 16) {
            let word = position < 8 ? low : high
            if (word >> UInt64((position & 7) &* 8)) & 0xFF == Self.bytesByte { return true }
            position &+= 1
        }
        return false
    }

    /// Whether the signature describes at most 16 values, so that equal signatures mean equal
    /// layouts.
    @inlinable
    var isExact: Bool { count <= 16 }

    /// One byte per value: kind in the high nibble (never 0xF), size (1...15) in the low one;
    /// ``bytesByte`` for every `s` and `p` of size above 0, 0xFD (unmatchable) for size 0.
    @_transparent @usableFromInline
    static func byte(kind: FormatCode.Kind, size: Int) -> UInt64 {
        let kindNumber: UInt64
        switch kind {
        case .signedInteger: kindNumber = 1
        case .unsignedInteger: kindNumber = 2
        case .floatingPoint: kindNumber = 3
        case .bool: kindNumber = 4
        case .char: kindNumber = 5
        case .string, .pascalString: return size > 0 ? bytesByte : 0xFD
        case .padding: kindNumber = 8
        }
        return kindNumber << 4 | UInt64(min(max(size, 0), 15))
    }
}
