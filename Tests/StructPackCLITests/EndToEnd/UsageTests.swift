import Foundation
import StructPackCLICore
import Testing

/// Usage errors exit with status 2 and a usage line; help exits 0 and explains each command
/// with an example.
@Suite("Usage and help (end to end)")
struct UsageTests {
    @Test(arguments: [
        (arguments: [String](), message: "missing COMMAND"),
        (arguments: ["frobnicate"], message: "unknown command 'frobnicate'"),
        (arguments: ["--frobnicate"], message: "unknown option '--frobnicate'"),
        (arguments: ["pack"], message: "missing FORMAT"),
        (arguments: ["pack", "<i", "--bogus", "1"], message: "unknown option '--bogus'"),
        (arguments: ["pack", "--raw=1", "<i", "1"], message: "option --raw takes no value"),
        (arguments: ["pack", "--raw", "--raw", "<i", "1"], message: "option --raw given more than once"),
        (arguments: ["unpack"], message: "missing FORMAT"),
        (arguments: ["unpack", "<I"], message: "missing HEX (or --file PATH)"),
        (arguments: ["unpack", "<I", "00", "--file", "x"], message: "give either HEX or --file PATH, not both"),
        (arguments: ["unpack", "<I", "--file"], message: "option --file needs a value PATH"),
        (arguments: ["unpack", "--offset", "1.5", "<I", "00"], message: "--offset needs an integer, not '1.5'"),
        (arguments: ["unpack", "--iter", "--offset", "1", "<I", "00"], message: "--offset cannot be combined with --iter"),
        (arguments: ["unpack", "--json", "<I", "00"], message: "unknown option '--json'"),
        (arguments: ["inspect", "<I"], message: "missing HEX (or --file PATH)"),
        (arguments: ["inspect", "--iter", "--offset", "1", "<I", "00"], message: "--offset cannot be combined with --iter"),
        (arguments: ["inspect", "--json", "--annotate", "<I", "00"], message: "--annotate cannot be combined with --json"),
        (arguments: ["inspect", "--color", "always", "<I", "00"], message: "--color applies only to --annotate"),
        (arguments: ["inspect", "--annotate", "--color", "sometimes", "<I", "00"],
         message: "--color needs auto, always or never, not 'sometimes'"),
        (arguments: ["inspect", "--annotate", "--color"], message: "option --color needs a value WHEN"),
        (arguments: ["calcsize"], message: "missing FORMAT"),
        (arguments: ["calcsize", "<I", "<H"], message: "calcsize takes one FORMAT"),
        (arguments: ["help", "frobnicate"], message: "unknown command 'frobnicate'"),
        (arguments: ["help", "pack", "unpack"], message: "help takes at most one COMMAND"),
    ])
    func usageError(arguments: [String], message: String) throws {
        expectFailure(try ToolRunner.run(arguments), message: message, status: 2)
    }

    @Test func negativeNumbersAreValuesNotOptions() throws {
        expectSuccess(try ToolRunner.run(["pack", "<h", "-5"]), stdout: "fbff\n")
        expectSuccess(try ToolRunner.run(["pack", "<d", "-inf"]), stdout: "000000000000f0ff\n")
        expectSuccess(try ToolRunner.run(["unpack", "--offset", "-2", "<h", "0000fbff"]), stdout: "(-5,)\n")
        expectSuccess(try ToolRunner.run(["unpack", "--offset=-2", "<h", "0000fbff"]), stdout: "(-5,)\n")
        // `--` ends the options: a value spelled like an option is then a value (and malformed).
        expectFailure(
            try ToolRunner.run(["pack", "<h", "--", "--raw"]),
            message: "invalid VALUE 1 '--raw': \(LiteralErrorTests.notALiteral)")
    }

    @Test(arguments: [["--help"], ["-h"], ["help"]])
    func overview(arguments: [String]) throws {
        let result = try ToolRunner.run(arguments)
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        for command in ["pack", "unpack", "calcsize", "inspect", "frames"] {
            #expect(result.stdout.contains("\n  \(command) "), "overview lists \(command)")
        }
        #expect(result.stdout.contains("$ structpack unpack '<IH' 0100000002 00\n  (1, 2)"))
    }

    @Test(arguments: ["pack", "unpack", "calcsize", "inspect", "frames"])
    func commandHelp(command: String) throws {
        let viaHelp = try ToolRunner.run(["help", command])
        let viaOption = try ToolRunner.run([command, "--help"])
        #expect(viaHelp.status == 0 && viaOption.status == 0)
        #expect(viaHelp.stdout == viaOption.stdout)
        #expect(viaHelp.stdout.hasPrefix("usage: structpack \(command)"))
        // An example runs the command on arguments (`$ structpack pack …`) or on piped input
        // (`$ printf '…' | structpack frames …`).
        #expect(
            viaHelp.stdout.contains("$ structpack \(command) ") || viaHelp.stdout.contains("' | structpack \(command)"),
            "help shows an example")
    }

    /// Every option a command accepts is explained in its help.
    @Test func everyOptionIsInTheHelp() throws {
        for command in CommandRegistry.commands {
            for option in command.options {
                #expect(command.help.contains("--\(option.name)"), "help \(command.name) does not mention --\(option.name)")
            }
        }
    }

    /// Every example in the help texts, run for real: its output must be what the help says.
    @Test(arguments: ["pack", "unpack", "calcsize", "inspect", "frames"])
    func helpExamplesAreTrue(command: String) throws {
        let help = try ToolRunner.run(["help", command]).stdout
        let examples = HelpExample.parse(help)
        #expect(!examples.isEmpty)
        for example in examples {
            let result = try ToolRunner.run(example.arguments, stdin: .pipe(example.stdin))
            // What a terminal shows: the output, then any error line (frames prints the frames
            // before an error).
            #expect(result.stdout + result.stderr == example.output, "\(example.arguments)")
            #expect((result.status == 0) == result.stderr.isEmpty, "\(example.arguments): \(result)")
        }
    }
}

/// An example in a help text: `$ structpack ARGS` (optionally after `printf '…' |`) and the
/// lines it prints.
struct HelpExample {
    let arguments: [String]
    let stdin: [UInt8]
    let output: String

    /// Splits the indented `$ …` blocks of a help text into examples.
    static func parse(_ help: String) -> [HelpExample] {
        var examples: [HelpExample] = []
        var current: (command: String, output: [String])?
        func finish() {
            guard let current else { return }
            var command = current.command
            var stdin: [UInt8] = []
            if command.hasPrefix("printf '"), let bar = command.range(of: "' | ") {
                stdin = printfBytes(String(command[command.index(command.startIndex, offsetBy: 8)..<bar.lowerBound]))
                command = String(command[bar.upperBound...])
            }
            let words = shellWords(command)
            examples.append(HelpExample(arguments: Array(words.dropFirst()), stdin: stdin,
                                        output: current.output.map { $0 + "\n" }.joined()))
        }
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("$ ") {
                finish()
                current = (String(trimmed.dropFirst(2)), [])
            } else if current != nil, line.hasPrefix("  "), !trimmed.isEmpty {
                current?.output.append(String(line.dropFirst(2)))
            } else {
                finish()
                current = nil
            }
        }
        finish()
        return examples
    }

    /// Splits a command line with single and double quotes, as a POSIX shell does.
    static func shellWords(_ text: String) -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { word.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(word) }
                word = ""
                inWord = false
            } else {
                word.append(character)
                inWord = true
            }
        }
        if inWord { words.append(word) }
        return words
    }

    /// The bytes `printf` writes for a format with `\xHH` escapes.
    static func printfBytes(_ format: String) -> [UInt8] {
        var bytes: [UInt8] = []
        let utf8 = Array(format.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "\\"), index + 3 < utf8.count, utf8[index + 1] == UInt8(ascii: "x"),
                let value = UInt8(String(decoding: utf8[(index + 2)...(index + 3)], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index += 4
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return bytes
    }
}
