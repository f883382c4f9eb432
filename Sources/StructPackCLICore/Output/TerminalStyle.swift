/// Colours for a terminal: ANSI SGR sequences around text when enabled, the text unchanged
/// otherwise.
///
/// Whether output is coloured follows `--color WHEN` (``ColorChoice``): `auto` (the default)
/// colours when standard output is a terminal and `NO_COLOR` is unset or empty
/// (https://no-color.org), `always` and `never` decide regardless.
public struct TerminalStyle: Sendable {
    /// A foreground colour or attribute.
    public enum Color: String, Sendable, CaseIterable {
        /// Red.
        case red = "31"
        /// Green.
        case green = "32"
        /// Yellow.
        case yellow = "33"
        /// Blue.
        case blue = "34"
        /// Magenta.
        case magenta = "35"
        /// Cyan.
        case cyan = "36"
        /// Faint text, for what is not data (padding, alignment).
        case dim = "2"
        /// Bold red, for where the data ends.
        case alarm = "1;31"
    }

    /// Colours given in turn to consecutive values.
    public static let palette: [Color] = [.cyan, .yellow, .magenta, .green, .blue]

    /// Whether colours are written.
    public let isEnabled: Bool

    /// A style that colours when `isEnabled`.
    public init(isEnabled: Bool) {
        self.isEnabled = isEnabled
    }

    /// `text` in `color` (and then back to normal), or `text` as is when disabled or `color`
    /// is `nil`.
    public func paint(_ text: String, _ color: Color?) -> String {
        guard isEnabled, let color, !text.isEmpty else { return text }
        return "\u{1B}[" + color.rawValue + "m" + text + "\u{1B}[0m"
    }
}

/// `--color WHEN`: `auto`, `always` or `never`.
public enum ColorChoice: String, Sendable, CaseIterable {
    /// Colour when standard output is a terminal and `NO_COLOR` is unset or empty.
    case auto
    /// Colour, even when piped and whatever `NO_COLOR` says (a command-line choice overrides it).
    case always
    /// Never colour.
    case never

    /// Parses the option's value.
    ///
    /// - Throws: ``ToolError`` usage error `--color needs auto, always or never, not 'TEXT'`.
    static func parse(_ text: String, usage: String) throws(ToolError) -> ColorChoice {
        guard let choice = ColorChoice(rawValue: text) else {
            throw .usage("--color needs auto, always or never, not \(PythonRepr.string(text))", usage: usage)
        }
        return choice
    }

    /// The style for this choice, given what `auto` decides in this process.
    public func style(autoColor: Bool) -> TerminalStyle {
        switch self {
        case .auto: TerminalStyle(isEnabled: autoColor)
        case .always: TerminalStyle(isEnabled: true)
        case .never: TerminalStyle(isEnabled: false)
        }
    }
}
