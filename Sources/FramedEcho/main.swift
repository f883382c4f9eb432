// framed-echo: a TCP server that sends every length-prefixed frame back to its sender.
// See EchoServer for the behaviour and EchoOptions for the command line.

import EchoServer

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

func fail(_ message: String, status: Int32) -> Never {
    Console.printError("framed-echo: error: \(message)")
    exit(status)
}

/// Parses the command line, serves until a signal stops the server, and returns the exit status.
func serve(_ arguments: [String]) -> Int32 {
    let options: EchoOptions
    do {
        options = try EchoOptions.parse(arguments)
    } catch {
        Console.printError("framed-echo: error: \(error.message)\n\(EchoOptions.usage)")
        return 2
    }
    if options.wantsHelp {
        Console.printLine(EchoOptions.usage)
        return 0
    }
    let server: EchoServer
    do {
        server = try EchoServer(try options.serverConfiguration())
    } catch {
        fail("\(error)", status: 1)
    }
    SignalHandling.stopOnTermination(server)
    Console.printLine("listening on \(server.host):\(server.port)")
    do {
        try server.run()
    } catch {
        fail("\(error)", status: 1)
    }
    return 0
}

exit(serve(Array(CommandLine.arguments.dropFirst())))
