/// A byte order fixed at compile time, so each direct path compiles without a per-value test.
@usableFromInline
protocol _ByteOrderMarker {
    static var swapsBytes: Bool { get }
}

/// Values in the host's byte order.
@usableFromInline
enum _HostOrder: _ByteOrderMarker {
    @inlinable @inline(__always)
    static var swapsBytes: Bool { false }
}

/// Values in the opposite order to the host's.
@usableFromInline
enum _SwappedOrder: _ByteOrderMarker {
    @inlinable @inline(__always)
    static var swapsBytes: Bool { true }
}
