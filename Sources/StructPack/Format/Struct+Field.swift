extension Struct {
    /// One item of a format as written, such as `3i`, `10s` or `x`, with where it lies.
    ///
    /// Repeat counts are kept as counts, never expanded, so a format like `1000000000x` costs
    /// one `Field`.
    public struct Field: Sendable, Hashable {
        /// The format code.
        public let code: FormatCode
        /// The repeat count as written; 1 when none is given.
        public let count: Int
        /// The offset of the field's first byte in the packed data, after alignment padding.
        public let offset: Int
        /// Zero bytes inserted before ``offset`` to align the field (native mode only).
        public let alignmentPadding: Int
        /// Bytes per value: the code's size, or for `s` and `p` the whole ``count``.
        public let itemSize: Int

        /// Creates a field description.
        public init(code: FormatCode, count: Int, offset: Int, alignmentPadding: Int, itemSize: Int) {
            self.code = code
            self.count = count
            self.offset = offset
            self.alignmentPadding = alignmentPadding
            self.itemSize = itemSize
        }

        /// The number of values the field packs and unpacks: 0 for `x`, 1 for `s` and `p`,
        /// ``count`` otherwise.
        public var valueCount: Int {
            switch code.kind {
            case .padding: 0
            case .string, .pascalString: 1
            default: count
            }
        }

        /// The bytes the field occupies after ``offset``, excluding alignment padding.
        public var byteCount: Int {
            switch code.kind {
            case .padding, .string, .pascalString: count
            default: count * itemSize
            }
        }
    }

    /// Where one value of the format lies: the per-value table of the dynamic, single-value and
    /// typed planned paths.
    @usableFromInline
    struct Slot: Sendable, Hashable {
        @usableFromInline let code: FormatCode
        /// The code's family and width, for the dynamic API's one-switch paths.
        @usableFromInline let scalar: ScalarKind
        @usableFromInline let offset: Int
        @usableFromInline let size: Int
        /// The values left in the slot's format item, counting this one (an array field takes
        /// them all).
        @usableFromInline let itemRemaining: Int

        @inlinable
        init(code: FormatCode, offset: Int, size: Int, itemRemaining: Int) {
            self.code = code
            self.scalar = ScalarKind(code: code, size: size)
            self.offset = offset
            self.size = size
            self.itemRemaining = itemRemaining
        }
    }

    /// How a format's values lie relative to each other, as far as the typed API's one-shot
    /// tuple path cares.
    @usableFromInline
    enum DirectArrangement: Sendable, Hashable {
        /// Back to back from offset 0 to the end.
        case contiguous
        /// Native mode, each at its natural alignment after the previous one, ending at the end.
        case aligned
        /// Anything else.
        case other
    }
}
