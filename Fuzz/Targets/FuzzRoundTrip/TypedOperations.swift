import StructPack

/// The typed API for one tuple shape chosen at run time: each closure calls one typed entry
/// point with the shape's Swift types and boxes the tuple's elements, so the checks in
/// `TypedCheck.swift` are written once for every shape. Made by `typedOperations(_:)`
/// (`TypedOperations+Arities.swift`, generated).
struct TypedOperations {
    typealias Elements = [any FuzzElement]

    /// The number of types in the shape.
    let arity: Int
    /// `unpack(_:as:)` of a buffer.
    let unpack: (Struct, UnsafeRawBufferPointer) throws(StructError) -> Elements
    /// `unpack(from:at:as:)` of a buffer.
    let unpackFrom: (Struct, UnsafeRawBufferPointer, Int) throws(StructError) -> Elements
    /// `unpack(from:at:as:)` of an array slice (offsets relative to the slice).
    let unpackSlice: (Struct, ArraySlice<UInt8>, Int) throws(StructError) -> Elements
    /// `unpacker(for:)`, then its `unpack(from:at:)`.
    let unpacker: (Struct, UnsafeRawBufferPointer, Int) throws(StructError) -> Elements
    /// `iterUnpack(_:as:)`, every record.
    let iterUnpack: (Struct, UnsafeRawBufferPointer) throws(StructError) -> [Elements]
    /// `pack(_:...)` into a new array.
    let pack: (Struct, Elements) throws(StructError) -> [UInt8]
    /// `pack(into:at:...)` of an array.
    let packInto: (Struct, inout [UInt8], Int, Elements) throws(StructError) -> Void
    /// `packer(for:)`, then its `pack(_:into:at:)`.
    let packer: (Struct, inout [UInt8], Int, Elements) throws(StructError) -> Void
    /// `pack(appendingTo:...)` of an array.
    let packAppending: (Struct, inout [UInt8], Elements) throws(StructError) -> Void
    /// `pack(appendingTo:...)` of an `OutputRawSpan`.
    let packOutput: (Struct, inout OutputRawSpan, Elements) throws(StructError) -> Void
}

/// Element `index` of `values` as `T`: the harness made it of that type.
func element<T>(_ values: [any FuzzElement], _ index: Int, as type: T.Type) -> T {
    guard let value = values[index] as? T else { invariantFailure("element \(index) is not \(T.self)") }
    return value
}
