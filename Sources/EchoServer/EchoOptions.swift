#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
public import StreamFramer

/// The command line of `framed-echo`:
/// `framed-echo --port N [--host 127.0.0.1] [--header FMT] [--max-frame N] [--length-adjustment N]`.
public struct EchoOptions: Sendable, Equatable {
    /// The usage text.
    public static let usage = """
        usage: framed-echo --port N [--host 127.0.0.1] [--header FMT] [--max-frame N] [--length-adjustment N]
          --port N               TCP port to listen on; 0 picks a free one (printed on stdout)
          --host ADDRESS         address to listen on (default 127.0.0.1)
          --header FMT           struct format of the frame header; its last integer is the length (default !I)
          --max-frame N          longest frame body accepted, in bytes (default 16777216)
          --length-adjustment N  added to the length field to give the body length (default 0)
        """

    /// A bad command line.
    public struct UsageError: Error, CustomStringConvertible, Equatable {
        /// What is wrong, without the usage text.
        public let message: String
        /// The message.
        public var description: String { message }

        /// A usage error with `message`.
        public init(message: String) {
            self.message = message
        }
    }

    /// The port; 0 picks a free one.
    public var port: Int
    /// The address to listen on.
    public var host = "127.0.0.1"
    /// The header format.
    public var header = "!I"
    /// The longest frame body.
    public var maximumFrameLength = LengthFieldConfiguration.defaultMaximumFrameLength
    /// Added to the length field.
    public var lengthAdjustment = 0
    /// `--help` was given.
    public var wantsHelp = false

    /// Options with the defaults and `port`.
    public init(port: Int) {
        self.port = port
    }

    /// Parses the arguments after the program name.
    ///
    /// - Throws: ``UsageError`` for an unknown option, a missing or malformed value, or a
    ///   missing `--port`.
    public static func parse(_ arguments: [String]) throws(UsageError) -> EchoOptions {
        var options = EchoOptions(port: -1)
        var index = 0
        while index < arguments.count {
            var name = arguments[index]
            var value: String?
            if let equals = name.firstIndex(of: "="), name.hasPrefix("--") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            index += 1
            if name == "--help" || name == "-h" {
                options.wantsHelp = true
                continue
            }
            guard ["--port", "--host", "--header", "--max-frame", "--length-adjustment"].contains(name) else {
                throw UsageError(message: "unknown option '\(name)'")
            }
            if value == nil {
                guard index < arguments.count else { throw UsageError(message: "option '\(name)' needs a value") }
                value = arguments[index]
                index += 1
            }
            let text = value ?? ""
            switch name {
            case "--port":
                guard let port = Int(text), (0...65535).contains(port) else {
                    throw UsageError(message: "invalid port '\(text)': expected 0...65535")
                }
                options.port = port
            case "--host":
                options.host = text
            case "--header":
                options.header = text
            case "--max-frame":
                guard let maximum = Int(text), maximum >= 0 else {
                    throw UsageError(message: "invalid --max-frame '\(text)': expected a byte count")
                }
                options.maximumFrameLength = maximum
            default:
                guard let adjustment = Int(text) else {
                    throw UsageError(message: "invalid --length-adjustment '\(text)': expected an integer")
                }
                options.lengthAdjustment = adjustment
            }
        }
        if options.port < 0 && !options.wantsHelp { throw UsageError(message: "missing --port") }
        return options
    }

    /// The server configuration these options describe.
    ///
    /// - Throws: ``FramingError`` for a bad header format or maximum.
    public func serverConfiguration() throws(FramingError) -> EchoServer.Configuration {
        let framing = try LengthFieldConfiguration(
            header: header, lengthAdjustment: lengthAdjustment, maximumFrameLength: maximumFrameLength)
        return try EchoServer.Configuration(host: host, port: port, framing: framing)
    }
}

/// Writing whole lines to the standard streams without Foundation.
public enum Console {
    /// Writes `line` and a newline to standard output at once (unbuffered).
    public static func printLine(_ line: String) {
        var bytes = Array(line.utf8)
        bytes.append(0x0A)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            offset += written
        }
    }

    /// Writes `line` and a newline to standard error at once.
    public static func printError(_ line: String) {
        Posix.writeErrorLine(line)
    }
}
