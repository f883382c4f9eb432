public import StructPack

/// Every way a structpack command fails: a failure (exit status 1) or a usage error (exit
/// status 2, shown with the command's usage line).
public struct ToolError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Whether the command failed or was invoked wrongly.
    public enum Kind: Sendable, Hashable {
        /// The command ran and failed (bad value, bad format, bad input): exit status 1.
        case failure
        /// The command line does not fit the command's syntax: exit status 2.
        case usage
    }

    /// Whether this is a failure or a usage error.
    public let kind: Kind
    /// The message after `structpack: error: `.
    public let message: String
    /// For usage errors, the usage line to print after the message.
    public let usage: String?

    /// A failure with `message` (exit status 1).
    public static func failure(_ message: String) -> ToolError {
        ToolError(kind: .failure, message: message, usage: nil)
    }

    /// A usage error with `message`, shown with `usage` (exit status 2).
    public static func usage(_ message: String, usage: String) -> ToolError {
        ToolError(kind: .usage, message: message, usage: usage)
    }

    /// A failure carrying CPython's message for a `struct` error.
    public init(_ error: StructError) {
        self.init(kind: .failure, message: error.message, usage: nil)
    }

    private init(kind: Kind, message: String, usage: String?) {
        self.kind = kind
        self.message = message
        self.usage = usage
    }

    /// The process exit status: 1 for failures, 2 for usage errors.
    public var exitStatus: Int32 {
        kind == .failure ? 1 : 2
    }

    /// The message.
    public var description: String { message }

    /// What the tool prints on standard error: `structpack: error: MESSAGE`, plus the usage
    /// line for usage errors. Control characters in the message are escaped, so the error is
    /// always exactly one line.
    public var standardErrorText: String {
        var text = "structpack: error: " + Self.singleLine(message) + "\n"
        if let usage { text += "usage: " + usage + "\n" }
        return text
    }

    /// `text` with line breaks and other control characters written as escapes.
    static func singleLine(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
                || scalar == "\u{2028}" || scalar == "\u{2029}":
                let hex = String(scalar.value, radix: 16)
                result += "\\x" + (hex.count < 2 ? "0" : "") + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
