/// An option a command accepts, such as `--raw` or `--offset N`.
public struct OptionSpec: Sendable, Hashable {
    /// The name without dashes: `raw`, `offset`.
    public let name: String
    /// The placeholder of the option's value (`N`, `PATH`), or `nil` for a flag.
    public let valueName: String?

    /// A flag such as `--raw`.
    public static func flag(_ name: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil)
    }

    /// An option taking a value, such as `--offset N`.
    public static func value(_ name: String, _ valueName: String) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName)
    }
}

/// A command's arguments split into options and positional arguments.
public struct ParsedArguments: Sendable, Hashable {
    /// The positional arguments in order.
    public var positionals: [String] = []
    /// The flags given.
    public var flags: Set<String> = []
    /// The values of the valued options given.
    public var values: [String: String] = [:]
    /// Whether `--help` or `-h` was given.
    public var wantsHelp = false
}

/// Splits a command's arguments into options and positional arguments.
///
/// Only arguments starting with `--` are options (`--name` or `--name=value`; a valued option
/// takes the next argument as its value whatever it looks like), plus `-h`. Everything else is
/// positional, so negative numbers are values: `pack '<h' -5`. `--` ends the options.
public enum ArgumentParser {
    /// Parses `arguments` against `options`.
    ///
    /// - Parameters:
    ///   - arguments: The arguments after the command name.
    ///   - options: The options the command accepts.
    ///   - usage: The command's usage line, for errors.
    /// - Throws: ``ToolError`` usage errors: an unknown option, a missing or unexpected value,
    ///   an option given twice.
    /// - Complexity: O(*n*) in the number of arguments.
    public static func parse(_ arguments: [String], options: [OptionSpec], usage: String) throws(ToolError)
        -> ParsedArguments
    {
        var parsed = ParsedArguments()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || !(argument.hasPrefix("--") || argument == "-h") {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            if argument == "--help" || argument == "-h" {
                parsed.wantsHelp = true
                continue
            }
            let body = argument.dropFirst(2)
            let name = String(body.prefix { $0 != "=" })
            let inlineValue = body.firstIndex(of: "=").map { String(body[body.index(after: $0)...]) }
            guard let spec = options.first(where: { $0.name == name }) else {
                throw .usage("unknown option \(PythonRepr.string("--" + name))", usage: usage)
            }
            guard !parsed.flags.contains(name) && parsed.values[name] == nil else {
                throw .usage("option --\(name) given more than once", usage: usage)
            }
            guard let valueName = spec.valueName else {
                guard inlineValue == nil else { throw .usage("option --\(name) takes no value", usage: usage) }
                parsed.flags.insert(name)
                continue
            }
            if let inlineValue {
                parsed.values[name] = inlineValue
            } else if index < arguments.count {
                parsed.values[name] = arguments[index]
                index += 1
            } else {
                throw .usage("option --\(name) needs a value \(valueName)", usage: usage)
            }
        }
        return parsed
    }
}
